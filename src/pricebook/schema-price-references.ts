/**
 * The scenario's JSON Schema as a scenario file may really be written: wherever a number is
 * accepted, a price-book reference `{price: ID}` is too (see src/scenario/price-references.ts).
 */
type Json = Record<string, unknown>;

const REFERENCE = {
  type: 'object',
  description: 'a price-book entry (`placement prices` lists them)',
  properties: { price: { type: 'string' } },
  required: ['price'],
  additionalProperties: false,
};

export function withPriceReferences(schema: Json): Json {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const n = node as Json;
    if (n.type === 'number' || n.type === 'integer') return { anyOf: [n, { $ref: '#/$defs/priceReference' }] };
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, walk(v)]));
  };
  const out = walk(schema) as Json;
  return { ...out, $defs: { ...(out.$defs as Json | undefined), priceReference: REFERENCE } };
}
