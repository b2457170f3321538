import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, expectCleanError } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-schedule-');
/** The on-prem running-cost fields the test scenarios share. */
const ONPREM_RUNNING = `    powerKwPerServer: 10.2
    pue: 1.3
    electricityPerKwh: 0.1
    facilityPerKwMonth: 150
    staff: {ftes: 0.5, costPerFteYear: 180000}
`;
const onPremScenarios = [
  'stable-high-volume.yaml',
  'sovereign-enterprise.yaml',
  'rag-enterprise.yaml',
  'high-volume-repatriation.yaml',
];

async function reconcile(file: string): Promise<void> {
  const schedule = JSON.parse((await runPlacement(['schedule', file, '--json'])).stdout);
  const report = JSON.parse((await runPlacement(['analyze', file, '--json'])).stdout);
  const onprem = report.options.find((o: { id: string }) => o.id === 'onprem');
  const accrual = schedule.months.reduce((s: number, m: { accrualCost: number }) => s + m.accrualCost, 0);
  expect(schedule.months).toHaveLength(schedule.horizonMonths);
  expect(accrual).toBeCloseTo(schedule.horizonMonths * onprem.horizonAverageMonthly, 4);
  if (report.growth.perMonth === 0) {
    // Without growth (so without expansions) the horizon average is MODEL.md §4's month itself,
    // and §3's capital line is the schedule's average depreciation.
    expect(onprem.horizonAverageMonthly).toBeCloseTo(onprem.monthly.total, 6);
    const depreciation = schedule.months.reduce((s: number, m: { depreciation: number }) => s + m.depreciation, 0);
    expect(depreciation / schedule.horizonMonths).toBeCloseTo(onprem.monthly.depreciation, 6);
  }
}

describe('schedule reconciles with analyze: Σ accrual cost = horizon × the on-prem month (averaged over the horizon)', () => {
  test.each(onPremScenarios)('scenarios/%s', (f) => reconcile(`scenarios/${f}`));

  test('declining balance, a refresh inside the horizon, an expansion, financing with a down payment', async () => {
    const file = join(tmp, 'refresh.yaml');
    writeFileSync(
      file,
      `schemaVersion: 1
name: refresh
horizonMonths: 60
workload:
  referenceGpus: 16
  utilization: {assumed: 0.75}
options:
  cloud: {onDemandPerGpuHour: 4.1}
  onPrem:
    gpusPerServer: 8
    hardware:
      - {name: first nodes, unitCost: 300000, quantity: 2, usefulLifeMonths: 48, method: declining-balance, residualFraction: 0.1}
      - {name: expansion, unitCost: 280000, quantity: 1, purchaseMonth: 18, usefulLifeMonths: 36, method: sum-of-years-digits}
    financing: {annualRate: 0.07, termMonths: 36, downPaymentFraction: 0.2}
${ONPREM_RUNNING}`,
    );
    await reconcile(file);
    const s = JSON.parse((await runPlacement(['schedule', file, '--json'])).stdout);
    expect(
      s.lines.map((l: { name: string; method: string; factor: number | null }) => [l.name, l.method, l.factor]),
    ).toEqual([
      ['first nodes', 'declining-balance', 2],
      ['expansion', 'sum-of-years-digits', null],
    ]);
    // Purchases: month 1 (first nodes), 19 (expansion), 49 (first nodes refreshed at 48), 55 (expansion refreshed at 54).
    expect(
      s.months
        .filter((m: { purchases: number }) => m.purchases > 0)
        .map((m: { month: number; purchases: number }) => [m.month, m.purchases]),
    ).toEqual([
      [1, 600000],
      [19, 280000],
      [49, 600000],
      [55, 280000],
    ]);
    expect(s.months[0].cashOut).toBeCloseTo(600000 * 0.2 + s.months[0].loanPayment + s.months[0].opex, 6);
    // SYD over 36 months: the first month is 280,000 × 36 × 2 / (36 × 37) = 15,135.14.
    expect(s.lines[1].months[18].depreciation).toBeCloseTo((280000 * 2) / 37, 6);
    const table = (await runPlacement(['schedule', file])).stdout;
    expect(table).toContain('Accrual cost over 60 months');
    const csv = (await runPlacement(['schedule', file, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv).toHaveLength(61);
    expect(csv[0]).toBe(
      'month,purchases,depreciation,interest,principal,loanPayment,opex,cashOut,accrualCost,bookValue,line1_depreciation,line1_bookValue,line2_depreciation,line2_bookValue',
    );
  });

  test('growth with expansion: bought servers appear as lines, and the reconciliation still holds', async () => {
    const file = join(tmp, 'growing.yaml');
    writeFileSync(
      file,
      `schemaVersion: 1
name: growing
horizonMonths: 36
workload:
  referenceGpus: 16
  utilization: {assumed: 0.7}
  growthPerMonth: 0.04
options:
  cloud: {onDemandPerGpuHour: 4.1}
  onPrem:
    gpusPerServer: 8
    hardware: [{name: node, unitCost: 300000, quantity: 2, usefulLifeMonths: 48}]
    expansion: {leadTimeMonths: 2}
${ONPREM_RUNNING}`,
    );
    await reconcile(file);
    const s = JSON.parse((await runPlacement(['schedule', file, '--json'])).stdout);
    const report = JSON.parse((await runPlacement(['analyze', file, '--json'])).stdout);
    expect(report.growth).toMatchObject({ applied: true, perMonth: 0.04, source: 'scenario' });
    // Two nodes serve 16 × 0.7 = 11.2 busy GPUs, the measured demand: the forecast for month m + 2,
    // 11.2 × 1.04^(m + 1), passes it at once, so a node is ordered in month 1 (in service from
    // month 3); the next when it passes 3 × 5.6 = 16.8, at m + 1 = 11 (1.04^11 = 1.54).
    expect(s.lines[1]).toMatchObject({ name: 'expansion: 1 × node (ordered month 1)' });
    expect(s.lines[2]).toMatchObject({ name: 'expansion: 1 × node (ordered month 10)' });
    expect(s.months[2].purchases).toBe(300000);
    expect(s.months[1].purchases).toBe(0);
    const onprem = report.options.find((o: { id: string }) => o.id === 'onprem');
    expect(onprem.horizonAverageMonthly).toBeGreaterThan(onprem.monthly.total);
  });

  test('no on-prem option: exit 2 with one clear line', async () => {
    const r = await runPlacement(['schedule', 'scenarios/burst-inference.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'placement: scenarios/burst-inference.yaml: options.onPrem: schedule needs an on-prem option with its hardware lines\n',
    );
    expectCleanError(r.stderr);
  });
});

describe('the README worked example of owning (numbers checked by hand there)', () => {
  test('scenarios/ownership-worked-example.yaml', async () => {
    const s = JSON.parse(
      (await runPlacement(['schedule', 'scenarios/ownership-worked-example.yaml', '--json'])).stdout,
    );
    const m = (n: number) => s.months[n - 1];
    expect(m(1)).toMatchObject({
      purchases: 310000,
      depreciation: 5812.5,
      interest: expect.closeTo(1446.67, 2),
      loanPayment: expect.closeTo(7657.52, 2),
      opex: expect.closeTo(8255.82, 2),
    });
    expect(m(1).cashOut).toBeCloseTo(62000 + 7657.52 + 8255.82, 1);
    expect(m(1).bookValue).toBe(304187.5);
    expect(m(37).loanPayment).toBe(0);
    expect(m(48).bookValue).toBeCloseTo(31000, 6);
    expect(m(49).purchases).toBe(310000);
    expect(m(60).bookValue).toBeCloseTo(240250, 6);
    expect(s.balanceAtHorizon).toBeCloseTo(171031, 0);
    expect(s.horizonAverageMonthly * 60).toBeCloseTo(
      s.months.reduce((t: number, x: { accrualCost: number }) => t + x.accrualCost, 0),
      4,
    );
    const o = JSON.parse(
      (await runPlacement(['analyze', 'scenarios/ownership-worked-example.yaml', '--json'])).stdout,
    ).options.find((x: { id: string }) => x.id === 'onprem');
    expect(o.paybackMonths).toBeCloseTo(310000 / (34439.31 - (14778.19 - 6522.37)), 2);
    expect(o.monthly.total).toBeCloseTo(14778.19, 2);
    // The 8 GPUs serve 5.6 busy at τ = 0.70: demand 4.8 × 1.02^(m − 1) first passes it in month 9,
    // when burst first appears in the opex (month 8 differs from month 7 by power alone).
    expect(m(9).opex - m(8).opex).toBeGreaterThan(m(8).opex - m(7).opex);
    expect(4.8 * 1.02 ** 7).toBeLessThan(5.6);
    expect(4.8 * 1.02 ** 8).toBeGreaterThan(5.6);
    expect(s.horizonAverageMonthly).toBeCloseTo(40659.66, 2);
    // Unlevered NPV and IRR (cash purchase) and the financed NPV, as the README quotes them.
    expect([o.npv / 1e6, o.financedNpv / 1e6].map((x: number) => x.toFixed(2))).toEqual(['1.07', '1.07']);
    expect(o.irr).toBeCloseTo(1.277, 3);
    expect(o.discountedPaybackMonths).toBeCloseTo(14.6, 1);
  });
});
