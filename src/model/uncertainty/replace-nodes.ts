/**
 * A walk over plain scenario data (what the YAML parser returns) that replaces the nodes a
 * callback picks: price-book references and distributions both stand where a number goes.
 */
export type DataPath = (string | number)[];

/** A copy of `data` in which each node `replace` returns a value for is that value; `undefined` walks on into it. */
export function replaceNodes(data: unknown, replace: (node: unknown, path: DataPath) => unknown): unknown {
  const walk = (v: unknown, path: DataPath): unknown => {
    const replaced = replace(v, path);
    if (replaced !== undefined) return replaced;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  return walk(data, []);
}

/** The value at `path` in plain data; undefined where the path leaves it. */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
