import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/**
 * Where a field stands in the parsed file: the node at `path`, or, when it is missing, the
 * nearest ancestor that exists. With `key`, the position of that key in the map at `path`
 * (for unknown keys).
 */
export function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
  key?: string,
): Position | undefined {
  let node: Node | undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const found: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(found)) {
      node = found;
      if (depth === path.length && key !== undefined && isMap(found)) {
        const pair = found.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isNode(pair.key)) node = pair.key;
      }
      break;
    }
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Where a field stands in a scenario's text, for a problem found after loading (e.g. by the model). */
export function positionInText(text: string, path: ReadonlyArray<PropertyKey>): Position | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return positionOf(doc, lineCounter, path);
}
