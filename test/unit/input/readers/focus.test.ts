import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reconcileBilling } from '../../../../src/model/signals/billing-reconciliation.js';
import { DEFAULT_GPU_PATTERN, readFocus } from '../../../../src/input/readers/focus-billing.js';
import { gpuPatternProblem } from '../../../../src/input/readers/gpu-pattern.js';
import { sourceOf } from '../../../helpers/lines.js';

const fixture = readFileSync(new URL('../../../fixtures/focus-gpu-egress.csv', import.meta.url), 'utf8');
const SPEC = new URL('../../../../../shared/data/focus-spec-examples/', import.meta.url);

describe('FOCUS billing export', () => {
  test('per month: data transfer GB and cost, GPU compute, total', async () => {
    const r = await readFocus(sourceOf(fixture, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
    expect(r.costColumn).toBe('EffectiveCost');
    expect(r.months).toEqual([
      {
        month: '2026-09',
        transferGB: 15000,
        transferCost: expect.closeTo(1326.2, 9),
        gpuComputeCost: 160716.8,
        totalCost: expect.closeTo(160716.8 + 588.67 + 921.6 + 404.6 + 16.2, 6),
      },
      {
        month: '2026-10',
        transferGB: 17000,
        transferCost: expect.closeTo(1496.2, 9),
        gpuComputeCost: 163799.04,
        totalCost: expect.closeTo(163799.04 + 921.6 + 574.6 + 3300, 6),
      },
    ]);
  });
  test('reconciliation: the model against the billed GPU compute', () => {
    const months = [
      { month: '2026-09', transferGB: 15000, transferCost: 1300, gpuComputeCost: 160000, totalCost: 170000 },
      { month: '2026-10', transferGB: 17000, transferCost: 1500, gpuComputeCost: 164000, totalCost: 180000 },
    ];
    expect(reconcileBilling(months, 150000)).toEqual({
      months: 2,
      meanMonthly: { transferGB: 16000, transferCost: 1400, gpuComputeCost: 162000, totalCost: 175000 },
      modelCloudCompute: 150000,
      difference: -12000,
      relativeDifference: -12000 / 162000,
    });
    expect(
      reconcileBilling(
        months.map((m) => ({ ...m, gpuComputeCost: 0 })),
        1,
      ).difference,
    ).toBeNull();
  });
  test('a pattern that would backtrack forever runs in linear time', async () => {
    // (a+)+$ against "aaaa…ab" is exponential for a backtracking engine: 2^5000 steps here.
    const evil = fixture.replace('"$55.04 per On Demand Linux p5.48xlarge Instance Hour"', `${'a'.repeat(5000)}b`);
    const r = await readFocus(sourceOf(evil, 'bill.csv'), '(a+)+$', 0);
    expect(r.months.map((m) => m.gpuComputeCost)).toEqual([0, 0]);
    const real = await readFocus(sourceOf(fixture, 'bill.csv'), '\\bp5\\.', 0);
    expect(real.months.map((m) => m.gpuComputeCost)).toEqual([160716.8, 163799.04]);
  });
  test('gpuPattern in RE2 syntax: look-around is refused with the reason', () => {
    expect(gpuPatternProblem('p5(?=\\.)')).toMatch(
      /^not a regular expression this tool runs \(RE2 syntax: no look-around, no back-references\): /,
    );
    expect(gpuPatternProblem('(a)\\1')).not.toBeNull();
    expect(gpuPatternProblem(DEFAULT_GPU_PATTERN)).toBeNull();
  });
  test('a bad cost names its line and column', async () => {
    const bad = fixture.replace('160716.80,160716.80', '160716.80,lots');
    await expect(readFocus(sourceOf(bad, 'bill.csv'), DEFAULT_GPU_PATTERN, 0)).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          file: 'bill.csv',
          line: 2,
          field: 'EffectiveCost',
          message: 'expected a cost, got "lots"',
        }),
        expect.anything(),
      ],
    });
    await expect(readFocus(sourceOf('a,b\n1,2\n', 'x.csv'), DEFAULT_GPU_PATTERN, 0)).rejects.toThrow(
      /not a FOCUS export/,
    );
  });
  test.skipIf(!existsSync(SPEC)).each(existsSync(SPEC) ? readdirSync(SPEC).filter((f) => f.endsWith('.csv')) : [])(
    'the specification example %s reads (columns left out, null cells)',
    async (f) => {
      const text = readFileSync(new URL(f, SPEC), 'utf8');
      const r = await readFocus(sourceOf(text, f), DEFAULT_GPU_PATTERN, 0);
      const lines = text.split('\n').filter((l) => l.trim() !== ''); // the examples carry blank CRLF lines
      const rows = lines.length - 1;
      expect(r.counts.dataRows).toBe(rows);
      expect(r.counts.badRows).toBe(0);
      // Independent total: the EffectiveCost column summed by hand.
      const i = lines[0]!.split(',').indexOf('EffectiveCost');
      const total = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[i]), 0);
      expect(r.months.reduce((s, m) => s + m.totalCost, 0)).toBeCloseTo(total, 9);
      expect(r.months.every((m) => m.gpuComputeCost === 0 && m.transferGB === 0)).toBe(true); // VM_* SKUs, no transfer rows
    },
  );
});

describe('FOCUS: real bills read right', () => {
  const head = 'ChargePeriodStart,EffectiveCost,ServiceCategory,ConsumedQuantity,ConsumedUnit,ChargeDescription';
  test('NULL in upper case is a null cell: a credit with a NULL quantity is kept', async () => {
    const text = `${head}\n2024-09-01 00:00:00,10,Compute,2,Hours,instance\n2024-09-02 00:00:00,-3,Compute,NULL,NULL,credit\n2024-09-03 00:00:00,6.16,Compute,1,Hours,instance\n`;
    const r = await readFocus(sourceOf(text, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
    expect(r.counts.badRows).toBe(0);
    expect(r.months[0]!.totalCost).toBeCloseTo(13.16, 9); // not 16.16
  });
  test("times without a zone are UTC, whatever the machine's zone", async () => {
    // The last hour of September UTC is still September, even where the machine runs at UTC−7.
    const text = `${head}\n2024-09-30 23:00:00,1,Compute,1,Hours,x\n2024-10-01 00:00:00,2,Compute,1,Hours,x\n`;
    const r = await readFocus(sourceOf(text, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
    expect(r.months.map((m) => [m.month, m.totalCost])).toEqual([
      ['2024-09', 1],
      ['2024-10', 2],
    ]);
  });
  test('a day that does not exist is a bad row, not the next month', async () => {
    const text = `${head}\n2024-09-01 00:00:00,1,Compute,1,Hours,x\n2026-02-30 00:00:00,2,Compute,1,Hours,x\n`;
    const r = await readFocus(sourceOf(text, 'bill.csv'), DEFAULT_GPU_PATTERN, 0.6);
    expect(r.counts.badRows).toBe(1);
    expect(r.months.map((m) => m.month)).toEqual(['2024-09']);
  });
  test('egress is data out to the internet: not data in, not between regions or zones', async () => {
    const rows = [
      ['$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier', 10, 0.9],
      ['$0.000 per GB - data transfer in per month', 100, 0],
      ['$0.02 per GB - US West (Oregon) data transfer to US East (Northern Virginia)', 20, 0.4],
      ['$0.00 per GB - US West (Oregon) data transfer from EU (Germany)', 30, 0],
      ['$0.010 per GB - regional data transfer - in/out/between EC2 AZs or using elastic IPs or ELB', 40, 0.4],
      ['USD 0.02 per GB for EUN1-AWS-Out-Bytes in EU (Stockholm)', 5, 0.1],
      ['USD 0.0 per GB for EUN1-AWS-In-Bytes in EU (Stockholm)', 50, 0],
    ] as const;
    const text = `${head}\n${rows.map(([d, gb, cost]) => `2024-09-01T00:00:00Z,${cost},Networking,${gb},GB,"${d}"`).join('\n')}\n`;
    const r = await readFocus(sourceOf(text, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
    expect(r.months[0]).toMatchObject({ transferGB: 15, transferCost: expect.closeTo(1.0, 9) });
  });
  const SAMPLE = new URL(
    '../../../../../shared/data/real/focus-sample-data/focus_sample_odd_rows.csv',
    import.meta.url,
  );
  test.skipIf(!existsSync(SAMPLE))(
    'the public FOCUS sample: totals and internet egress as an independent reading gives them',
    async () => {
      // Expected figures from Python's csv module over the same file: EffectiveCost summed with NULL
      // as 0; Networking GB rows whose AWS description says "data transfer out" or "Out-Bytes" (23 of
      // the 49 Networking GB rows, 0.2939 of 0.3565 GB).
      const r = await readFocus(sourceOf(readFileSync(SAMPLE, 'utf8'), 'focus.csv'), DEFAULT_GPU_PATTERN, 0);
      expect(r.counts.badRows).toBe(0);
      expect(r.months).toHaveLength(1);
      expect(r.months[0]).toMatchObject({
        month: '2024-09',
        transferGB: expect.closeTo(0.2938700646, 12),
        totalCost: expect.closeTo(1.81353339318, 12),
      });
    },
  );
});

test('FOCUS: a description with a line break inside quotes is one row', async () => {
  const text =
    'ChargePeriodStart,EffectiveCost,ServiceCategory,ConsumedQuantity,ConsumedUnit,ChargeDescription\n2024-09-01T00:00:00Z,4,Compute,1,Hours,"two\nlines"\n2024-09-02T00:00:00Z,6,Compute,1,Hours,one\n';
  const r = await readFocus(sourceOf(text, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
  expect([r.counts.dataRows, r.counts.badRows, r.months[0]!.totalCost]).toEqual([2, 0, 10]);
});
