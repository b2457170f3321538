import { readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { runPlacement } from '../helpers/cli.js';

// The schema comes from the bin; validation by ajv, a JSON Schema validator independent of zod.
const schema = JSON.parse((await runPlacement(['schema', 'report'])).stdout);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('placement schema report', () => {
  test('a draft 2020-12 schema of §10, every top-level key required', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual([
      'schemaVersion',
      'tool',
      'scenario',
      'generatedAt',
      'currency',
      'utilization',
      'tokens',
      'traffic',
      'options',
      'thresholds',
      'repatriation',
      'verdict',
      'triggers',
      'warnings',
      'growth',
      'dataQuality',
      'billing',
      'portfolio',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
  test.each(readdirSync('scenarios').filter((f) => f.endsWith('.yaml')))(
    'the report of scenarios/%s is valid',
    async (f) => {
      const report = JSON.parse((await runPlacement(['analyze', `scenarios/${f}`, '--json'])).stdout);
      const ok = validate(report);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );
  test('a report with a billing section is valid; a broken one is not', async () => {
    const report = JSON.parse((await runPlacement(['analyze', 'scenarios/burst-inference.yaml', '--json'])).stdout);
    expect(report.schemaVersion).toBe(2);
    expect(validate({ ...report, schemaVersion: 1 })).toBe(false);
    expect(validate({ ...report, verdict: { ...report.verdict, placement: 'moon' } })).toBe(false);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    const missing = { ...report };
    delete missing.warnings;
    expect(validate(missing)).toBe(false);
  });
});

const scenarioSchema = JSON.parse((await runPlacement(['schema', 'scenario'])).stdout);
describe('placement schema scenario', () => {
  const check = new Ajv2020({ strict: false }).compile(scenarioSchema);
  test('validates every bundled scenario and rejects a typo', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.yaml'))) {
      expect(check(parse(readFileSync(`scenarios/${f}`, 'utf8')))).toBe(true);
    }
    const s = parse(readFileSync('scenarios/rag-enterprise.yaml', 'utf8'));
    expect(check({ ...s, workload: { ...s.workload, egres: {} } })).toBe(false);
  });
});
