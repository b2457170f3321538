import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reconcileBilling } from '../../../src/core/signals/billing-reconciliation.js';
import { DEFAULT_GPU_PATTERN, readFocus } from '../../../src/readers/focus-billing.js';
import { sourceOf } from '../../helpers/lines.js';

const fixture = readFileSync(new URL('../../fixtures/focus-gpu-egress.csv', import.meta.url), 'utf8');
const SPEC = new URL('../../../../shared/data/focus-spec-examples/', import.meta.url);

describe('FOCUS billing export', () => {
  test('per month: data transfer GB and cost, GPU compute, total', async () => {
    const r = await readFocus(sourceOf(fixture, 'bill.csv'), DEFAULT_GPU_PATTERN, 0);
    expect(r.costColumn).toBe('EffectiveCost');
    expect(r.months).toEqual([
      { month: '2026-09', transferGB: 15000, transferCost: expect.closeTo(1326.2, 9), gpuComputeCost: 160716.8, totalCost: expect.closeTo(160716.8 + 588.67 + 921.6 + 404.6 + 16.2, 6) },
      { month: '2026-10', transferGB: 17000, transferCost: expect.closeTo(1496.2, 9), gpuComputeCost: 163799.04, totalCost: expect.closeTo(163799.04 + 921.6 + 574.6 + 3300, 6) },
    ]);
  });
  test('reconciliation: the model against the billed GPU compute', () => {
    const months = [
      { month: '2026-09', transferGB: 15000, transferCost: 1300, gpuComputeCost: 160000, totalCost: 170000 },
      { month: '2026-10', transferGB: 17000, transferCost: 1500, gpuComputeCost: 164000, totalCost: 180000 },
    ];
    expect(reconcileBilling(months, 150000)).toEqual({
      months: 2, meanMonthly: { transferGB: 16000, transferCost: 1400, gpuComputeCost: 162000, totalCost: 175000 },
      modelCloudCompute: 150000, difference: -12000, relativeDifference: -12000 / 162000,
    });
    expect(reconcileBilling(months.map((m) => ({ ...m, gpuComputeCost: 0 })), 1).difference).toBeNull();
  });
  test('a bad cost names its line and column', async () => {
    const bad = fixture.replace('160716.80,160716.80', '160716.80,lots');
    await expect(readFocus(sourceOf(bad, 'bill.csv'), DEFAULT_GPU_PATTERN, 0)).rejects.toMatchObject({
      problems: [expect.objectContaining({ file: 'bill.csv', line: 2, field: 'EffectiveCost', message: 'expected a cost, got "lots"' }), expect.anything()],
    });
    await expect(readFocus(sourceOf('a,b\n1,2\n', 'x.csv'), DEFAULT_GPU_PATTERN, 0)).rejects.toThrow(/not a FOCUS export/);
  });
  test.skipIf(!existsSync(SPEC)).each(existsSync(SPEC) ? readdirSync(SPEC).filter((f) => f.endsWith('.csv')) : [])('the specification example %s reads (columns left out, null cells)', async (f) => {
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
  });
});
