/**
 * Writing drawn values into scenario data at the uncertain fields' paths: the one place where
 * Monte Carlo and sensitivity change a scenario, each way as cheap as it can be made.
 */
import { valueAt } from './replace-nodes.js';

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
