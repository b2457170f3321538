/**
 * Finding the distributions in scenario data, replacing each by its mean for the
 * schema, and checking that every value a distribution can take is valid for its field — so a
 * trial can never build a scenario the schema would refuse.
 */
import { formatPath } from '../../errors.js';
import { replaceNodes } from '../../model/uncertainty/replace-nodes.js';
import { valueSetter } from '../../model/uncertainty/field-writer.js';
import {
  describeDistribution,
  isDistributionLike,
  meanOf,
  readDistribution,
  supportOf,
  type UncertainField,
} from '../../model/uncertainty/distributions.js';

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
