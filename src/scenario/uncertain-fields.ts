/**
 * Finding the distributions in scenario data, replacing each by its mean for the
 * schema, and checking that every value a distribution can take is valid for its field — so a
 * trial can never build a scenario the schema would refuse.
 */
import { formatPath } from '../errors.js';
import { replaceNodes, valueAt } from './replace-nodes.js';
import {
  describeDistribution,
  isDistributionLike,
  meanOf,
  readDistribution,
  supportOf,
  type UncertainField,
} from './distributions.js';

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/** Where a distribution makes no sense: what the data is read from, and the table's levels. */
function refusedAt(path: ReadonlyArray<string | number>): string | null {
  const [a, b, c] = path;
  if (a === 'thresholds' || a === 'window' || a === 'schemaVersion')
    return 'a distribution is not allowed here: it sets what is reported, not what it costs';
  if (a === 'workload' && b === 'utilization' && c !== 'assumed')
    return 'a distribution is not allowed here: utilization comes from the history (use workload.utilization.assumed for an uncertain level)';
  return null;
}

/** A copy of the data with every distribution replaced by its mean, and the fields found. */
export function extractDistributions(data: unknown): {
  data: unknown;
  fields: UncertainField[];
  problems: FieldProblem[];
} {
  const fields: UncertainField[] = [];
  const problems: FieldProblem[] = [];
  const replaced = replaceNodes(data, (v, path) => {
    if (!isDistributionLike(v)) return undefined;
    const d = readDistribution(v);
    const refused = refusedAt(path);
    if (typeof d === 'string' || refused !== null) {
      problems.push({ path, message: typeof d === 'string' ? d : (refused as string) });
      return v;
    }
    fields.push({ path, field: formatPath(path), distribution: d });
    return meanOf(d);
  });
  return { data: replaced, fields, problems };
}

type Key = string | number;
interface PathTree {
  /** Children to copy and descend into. */
  into: Array<[Key, PathTree]>;
  /** Keys set here, with the index of their value. */
  set: Array<[Key, number]>;
}

/**
 * A function putting values[i] at paths[i] in plain data, copying only the objects on the way,
 * each once however many paths cross it (the rest is shared). Compiled once for a set of paths:
 * Monte Carlo calls it once per trial.
 */
export function valueSetter(paths: ReadonlyArray<ReadonlyArray<Key>>): <T>(data: T, values: ArrayLike<unknown>) => T {
  const root: PathTree = { into: [], set: [] };
  paths.forEach((path, i) => {
    if (path.length === 0) throw new Error('valueSetter: an empty path replaces the data itself');
    let node = root;
    for (const key of path.slice(0, -1)) {
      let next = node.into.find(([k]) => k === key)?.[1];
      if (next === undefined) node.into.push([key, (next = { into: [], set: [] })]);
      node = next;
    }
    node.set.push([path[path.length - 1] as Key, i]);
  });
  const apply = (data: unknown, tree: PathTree, values: ArrayLike<unknown>): unknown => {
    const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<Key, unknown>;
    for (const [key, sub] of tree.into) copy[key] = apply(copy[key], sub, values);
    for (const [key, i] of tree.set) copy[key] = values[i];
    return copy;
  };
  return <T>(data: T, values: ArrayLike<unknown>) => apply(data, root, values) as T;
}

/**
 * For a loop that puts new values at the same paths round after round and keeps nothing of the
 * data between rounds (Monte Carlo's trials): one copy of the objects on the paths, made here,
 * whose fields each round overwrites in place — the caller's data is never changed, and a round
 * copies nothing. Returns the same copy every round.
 */
export function fieldWriter<T>(data: T, paths: ReadonlyArray<ReadonlyArray<Key>>): (values: ArrayLike<unknown>) => T {
  const copy = valueSetter(paths)(
    data,
    paths.map((p) => valueAt(data, p)),
  );
  const holders = paths.map((p) => valueAt(copy, p.slice(0, -1)) as Record<Key, unknown>);
  const keys = paths.map((p) => p[p.length - 1] as Key);
  return (values) => {
    for (let i = 0; i < keys.length; i++) (holders[i] as Record<Key, unknown>)[keys[i] as Key] = values[i];
    return copy;
  };
}

/**
 * Each distribution at both ends of its range and at a fractional point inside (the other fields
 * at their means) must pass `validate`; otherwise the field gets one problem naming the value and
 * the rule it breaks.
 */
export function probeDistributions(
  data: unknown,
  fields: ReadonlyArray<UncertainField>,
  validate: (probe: unknown) => FieldProblem[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const [lo, hi] = supportOf(f.distribution);
    // Both ends, and a point inside that is not a whole number: draws are continuous.
    for (const end of [lo, hi, lo + (hi - lo) / Math.PI]) {
      const broken = validate(valueSetter([f.path])(data, [end]));
      if (broken.length === 0) continue;
      const own = broken.find((p) => formatPath(p.path) === f.field) ?? (broken[0] as FieldProblem);
      const where = formatPath(own.path) === f.field ? '' : ` (${formatPath(own.path)}: `;
      problems.push({
        path: f.path,
        message: `${describeDistribution(f.distribution)} reaches ${+end.toPrecision(12)}, which is not valid here${where ? `${where}${own.message})` : `: ${own.message}`}`,
      });
      break;
    }
  }
  return problems;
}
