/**
 * The scenario's JSON Schema as a scenario file may really be written: wherever a number is
 * accepted, a price-book reference `{price: ID}` is too (see src/input/scenario/price-references.ts),
 * and so is a distribution (src/model/uncertainty/distributions.ts; where one is refused, and whether its
 * range fits the field, `placement validate` says).
 */
type Json = Record<string, unknown>;

const REFERENCE = {
  type: 'object',
  description: 'a price-book entry (`placement prices` lists them)',
  properties: { price: { type: 'string' } },
  required: ['price'],
  additionalProperties: false,
};

const num = { type: 'number' };
const DISTRIBUTION = {
  description: 'an uncertain value: the analysis uses its mean, Monte Carlo draws from it',
  oneOf: [
    {
      type: 'object',
      properties: {
        triangular: { type: 'array', items: num, minItems: 3, maxItems: 3, description: '[min, mode, max]' },
      },
      required: ['triangular'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { uniform: { type: 'array', items: num, minItems: 2, maxItems: 2, description: '[a, b]' } },
      required: ['uniform'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        normal: {
          type: 'object',
          properties: { mean: num, sd: { type: 'number', exclusiveMinimum: 0 } },
          required: ['mean', 'sd'],
          additionalProperties: false,
        },
      },
      required: ['normal'],
      additionalProperties: false,
    },
  ],
};

export function withPriceReferences(schema: Json): Json {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const n = node as Json;
    if (n.type === 'number' || n.type === 'integer')
      return { anyOf: [n, { $ref: '#/$defs/priceReference' }, { $ref: '#/$defs/distribution' }] };
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, walk(v)]));
  };
  const out = walk(schema) as Json;
  return {
    ...out,
    $defs: { ...(out.$defs as Json | undefined), priceReference: REFERENCE, distribution: DISTRIBUTION },
  };
}
