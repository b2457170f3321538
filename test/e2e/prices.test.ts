import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { runPlacement, expectCleanError } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-prices-');
const book = JSON.parse(readFileSync('pricebook/prices.json', 'utf8'));
const priced = join(tmp, 'priced.yaml');
writeFileSync(
  priced,
  `schemaVersion: 1
name: priced
workload:
  referenceGpus: 8
  utilization: {assumed: 0.5}
options:
  cloud:
    onDemandPerGpuHour: {price: aws/p5.48xlarge/on-demand}
    egressTiers: [{uptoGB: 10240, perGB: {price: aws/egress/internet-first-10tb}}, {perGB: {price: aws/egress/internet-next-40tb}}]
  dedicated: {perGpuHour: {price: market/h100/1-year-contract}}
`,
);

describe('the price book', () => {
  test('every entry has an id, a positive value, a unit, a source and a date', () => {
    const ids = new Set<string>();
    for (const e of book.entries) {
      expect(e.id).toMatch(/^[a-z0-9.-]+(\/[a-z0-9.-]+)+$/);
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
      expect(e.value).toBeGreaterThan(0);
      expect(e.unit).not.toBe('');
      expect(e.source.length).toBeGreaterThan(2);
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(e.date))).toBe(false);
      expect(['day', 'month', 'year']).toContain(e.precision);
    }
  });
  test('placement prices: a filtered table, or JSON entries with id, value, unit, source, date', async () => {
    const json = JSON.parse((await runPlacement(['prices', 'egress', '--json'])).stdout);
    expect(json.length).toBeGreaterThan(3);
    for (const e of json)
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'value', 'unit', 'source', 'date']));
    const table = await runPlacement(['prices', 'colocation', '--as-of', '2025-01-01'], { width: 160 });
    expect(table.stdout).toMatch(/colocation\/na-primary-250-500kw │ 184\.06 │ USD\/kW-month │ 2024-07 │ 184 /);
    // At 80 columns the same table splits, the id repeated, rather than overflow.
    const narrow = (await runPlacement(['prices', 'colocation', '--as-of', '2025-01-01'])).stdout;
    expect(Math.max(...narrow.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(narrow.match(/colocation\/na-primary-250-500kw/g)!.length).toBeGreaterThanOrEqual(2);
  });
});

describe('price references in a scenario', () => {
  test('resolve to the entry value, are listed in the report with their dates', async () => {
    const r = JSON.parse((await runPlacement(['analyze', priced, '--json', '--as-of', '2026-06-30'])).stdout);
    expect(
      r.scenario.prices.map((p: { field: string; id: string; value: number }) => [p.field, p.id, p.value]),
    ).toEqual([
      ['options.cloud.onDemandPerGpuHour', 'aws/p5.48xlarge/on-demand', 6.88],
      ['options.cloud.egressTiers[0].perGB', 'aws/egress/internet-first-10tb', 0.09],
      ['options.cloud.egressTiers[1].perGB', 'aws/egress/internet-next-40tb', 0.085],
      ['options.dedicated.perGpuHour', 'market/h100/1-year-contract', 2.35],
    ]);
    expect(r.options[0].monthly.compute).toBeCloseTo((4 / 0.7) * 730 * 6.88, 9);
  });
  test('entries older than 180 days as of --as-of are warned about, in one line', async () => {
    const stale = async (asOf: string) =>
      JSON.parse((await runPlacement(['analyze', priced, '--json', '--as-of', asOf])).stdout).warnings.filter(
        (w: { code: string }) => w.code === 'prices-stale',
      );
    expect(await stale('2025-06-29')).toEqual([]); // 179 days after 2025-01-01
    const [one, ...more] = await stale('2026-06-30');
    expect(more).toEqual([]);
    expect(one.args).toMatchObject({
      count: 3,
      ids: 'aws/p5.48xlarge/on-demand, aws/egress/internet-first-10tb, aws/egress/internet-next-40tb',
      limitDays: 180,
    });
    expect(one.message).toMatch(
      /^3 price-book entries are over 180 days old, the oldest .* at \d+ days: re-check them/,
    );
  });
  test('an unknown entry is bad input at its position, with the closest id', async () => {
    const bad = join(tmp, 'typo.yaml');
    writeFileSync(bad, readFileSync(priced, 'utf8').replace('1-year-contract', '1-yaer-contract'));
    const r = await runPlacement(['analyze', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /typo\.yaml:10:27: options\.dedicated\.perGpuHour: no price-book entry "market\/h100\/1-yaer-contract" \(did you mean "market\/h100\/1-year-contract"\?\)/,
    );
    expectCleanError(r.stderr);
  });
  test('the scenario JSON Schema accepts a reference wherever it accepts a number', async () => {
    const check = new Ajv2020({ strict: false }).compile(
      JSON.parse((await runPlacement(['schema', 'scenario'])).stdout),
    );
    expect(check(parse(readFileSync(priced, 'utf8')))).toBe(true);
    expect(check({ ...parse(readFileSync(priced, 'utf8')), horizonMonths: { price: 1 } })).toBe(false);
  });
});
