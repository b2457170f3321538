import { reportSchema } from '../../src/report/report-schema.js';
import { describe, expect, test } from 'vitest';
import { runPlacement, type CliResult } from '../helpers/cli.js';

// Each bundled scenario stands for one row of seed 003's deployment-model table and must get
// the verdict its class calls for.
const EXPECTED: Array<[file: string, placement: string, rule: number]> = [
  ['experimental-copilot.yaml', 'cloud-managed', 4],
  ['stable-high-volume.yaml', 'dedicated-reserved', 6],
  ['sovereign-enterprise.yaml', 'on-prem-sovereign', 1],
  ['multi-region-latency.yaml', 'edge', 2],
  ['agentic-workflows.yaml', 'hybrid-burst', 3],
  // 40–60 %: rule 7's cheaper of cloud and the reserved plan, whose burst carries ≥ 10 % of the busy GPU-hours.
  ['rag-enterprise.yaml', 'hybrid-burst', 7],
  ['burst-inference.yaml', 'hybrid-burst', 3],
  ['high-volume-repatriation.yaml', 'on-prem', 5],
  ['uncertain-prices.yaml', 'dedicated-reserved', 7],
  // Several models: the sovereign one placed apart; the agent keeps the rest's burst path.
  ['model-portfolio.yaml', 'hybrid-burst', 3],
];

// The report's keys in the schema's order (test/e2e/report-schema.test.ts pins that order).
const TOP_LEVEL = Object.keys(reportSchema.shape);

// Each bundled scenario analysed once, before its tests read the report.
const analyzed = new Map<string, CliResult>();
for (const [file] of EXPECTED) analyzed.set(file, await runPlacement(['analyze', `scenarios/${file}`, '--json']));

describe.each(EXPECTED)('scenarios/%s', (file, placement, rule) => {
  const json = analyzed.get(file)!;
  const report = JSON.parse(json.stdout);

  test(`JSON: exit 0, verdict ${placement} by rule ${rule}, every §10 key`, () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(Object.keys(report)).toEqual(TOP_LEVEL);
    expect(report.verdict.placement).toBe(placement);
    expect(report.verdict.rule).toBe(rule);
    expect(report.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.thresholds.map((t: { utilization: unknown }) => t.utilization)).toEqual([0.4, 0.6, 0.7, 'measured']);
    for (const o of report.options) {
      const sum = Object.entries(o.monthly)
        .filter(([k]) => k !== 'total')
        .reduce((s, [, v]) => s + (v as number), 0);
      expect(o.monthly.total).toBeCloseTo(sum, 6);
    }
  });

  test('table: the decision first — placement and status, the plan — in at most 10 lines of 80 columns', async () => {
    const table = await runPlacement(['analyze', `scenarios/${file}`]);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    const status = report.verdict.status === 'provisional' ? 'PROVISIONAL' : 'firm';
    // Models placed apart: every group's placement, each group's plan first.
    const split = report.portfolio?.split ?? null;
    const placements =
      split === null ? placement : split.groups.map((g: { placement: string }) => g.placement).join(' + ');
    expect(lines[0]).toBe(`${placements} · ${status} · ${report.scenario.name}`);
    expect(lines[1]).toMatch(split === null ? /^(Reserve|Buy|Run|Stay on)/ : /^Sovereign, placed apart/);
    const block = lines.slice(0, lines.indexOf(''));
    expect(block.length).toBeLessThanOrEqual(10);
    for (const l of block) expect([...l].length).toBeLessThanOrEqual(80);
    expect(block.join(' ')).toContain(`Look again by ${report.verdict.nextReview}`);
    expect(table.stdout).not.toMatch(/\u001b\[|MODEL\.md|§/);
    for (const section of [
      'Monthly cost by utilization',
      'At the measured profile',
      'Repatriation threshold',
      'When to look again',
    ]) {
      expect(table.stdout).toContain(section);
    }
  });
});

describe('what the examples show', () => {
  const report = async (file: string) =>
    JSON.parse((await runPlacement(['analyze', `scenarios/${file}`, '--json'])).stdout);
  test('repatriation: all four conditions met, payback ≤ 18 months', async () => {
    const r = await report('high-volume-repatriation.yaml');
    expect(r.repatriation.met).toBe(true);
    expect(r.options.find((o: { id: string }) => o.id === 'onprem').paybackMonths).toBeLessThanOrEqual(18);
  });
  test('repatriation: the cash and accrual views agree with NPV, IRR and the monthly total', async () => {
    const r = await report('high-volume-repatriation.yaml');
    const o = r.options.find((x: { id: string }) => x.id === 'onprem');
    const monthly = 1.08 ** (1 / 12) - 1; // default discountRate 0.08
    const pv = (rate: number) =>
      o.ownership.cashFlows.reduce((s: number, cf: number, m: number) => s + cf / (1 + rate) ** m, 0);
    expect(o.ownership.cashFlows).toHaveLength(61);
    expect(pv(monthly)).toBeCloseTo(o.npv, 4);
    expect(pv((1 + o.irr) ** (1 / 12) - 1)).toBeCloseTo(0, 3);
    expect(o.irr > 0.08).toBe(o.npv > 0);
    expect(o.ownership.accrualCost.reduce((s: number, x: number) => s + x, 0)).toBeCloseTo(
      60 * o.horizonAverageMonthly,
      4,
    );
    // Growth is opt-in: the trend is reported as what it would do, not priced.
    expect(r.growth).toMatchObject({ applied: false, source: 'none' });
    expect(r.growth.ifTrendContinues.options.map((x: { id: string }) => x.id)).toEqual(
      r.options.map((x: { id: string }) => x.id),
    );
    expect(o.discountedPaybackMonths).toBeGreaterThan(o.paybackMonths);
    expect(r.options.find((x: { id: string }) => x.id === 'cloud')).toMatchObject({ irr: null, ownership: null });
  });
  test('burst: the daily means and the hour histogram behind the table view', async () => {
    const r = await report('burst-inference.yaml');
    expect(r.utilization.dailyMeans).toHaveLength(90);
    expect(r.utilization.dailyMeans[0].date).toBe(r.utilization.window.start.slice(0, 10));
    const hours = r.utilization.histogram.reduce((a: number, b: number) => a + b, 0);
    expect(hours).toBe(Math.round(r.utilization.window.coverage * 90 * 24));
    // Campaign days at full load and a low baseline: most hours low, a second hump at the top.
    expect(r.utilization.histogram[2] + r.utilization.histogram[3]).toBeGreaterThan(hours / 2);
    expect(r.utilization.histogram[8] + r.utilization.histogram[9]).toBeGreaterThan(hours / 20);
    // A bar a day where the terminal has room; at 80 columns neighbouring days share a bar.
    const table = (await runPlacement(['analyze', 'scenarios/burst-inference.yaml'], { width: 200 })).stdout;
    expect(table).toMatch(/daily means {2}[▁▂▃▄▅▆▇█]{90}$/m);
    expect((await runPlacement(['analyze', 'scenarios/burst-inference.yaml'])).stdout).toMatch(
      /daily means {2}[▁▂▃▄▅▆▇█]{65}$/m,
    );
    expect(table).toMatch(/ 90–100% ▇+ +\d+ h/);
  });
  test('stable high volume: a sized reservation, and what not owning costs, with the reasons', async () => {
    const r = await report('stable-high-volume.yaml');
    // With the same 70 % headroom as cloud, 31 reserved GPUs minimise the month (32 cost more).
    expect(r.verdict.plan).toMatchObject({ family: 'reserved', option: 'reserved', gpus: 31, termMonths: 12 });
    expect(r.verdict.plan.burstShareOfBusyGpuHours).toBeLessThan(0.1);
    expect(r.verdict.plan.monthly).toBeCloseTo(
      r.options.find((o: { id: string }) => o.id === 'reserved').monthly.total,
      9,
    );
    expect(r.verdict).not.toHaveProperty('note');
    // On-prem is cheaper at the measured profile; egress share and payback keep it out.
    expect(r.verdict.constraintCost).toMatchObject({ cheapest: 'onprem', constraint: 'utilization-economics' });
    expect(r.verdict.constraintCost.failing.map((c: { metric: string }) => c.metric)).toEqual([
      'traffic.egressShare',
      'onprem.paybackMonths',
    ]);
    expect(r.verdict.constraintCost.monthly).toBeCloseTo(
      r.verdict.plan.monthly - r.verdict.constraintCost.cheapestMonthly,
      9,
    );
    expect(r.verdict.status).toBe('firm');
    expect(r.verdict.nextReview).toBe('2027-02-13');
  });
  test("the cost-versus-utilization chart: each option's curve, break-evens marked where the report puts them", async () => {
    const r = await report('stable-high-volume.yaml');
    const onprem = r.options.find((o: { id: string }) => o.id === 'onprem');
    expect(onprem.curve).toHaveLength(51);
    // Points every 2 %: 40, 60 and 70 % are the threshold table's columns.
    for (const [i, level] of [
      [20, 0.4],
      [30, 0.6],
      [35, 0.7],
    ] as const) {
      const row = r.thresholds.find((x: { utilization: unknown }) => x.utilization === level);
      for (const o of r.options) expect(o.curve[i]).toBeCloseTo(row.monthly[o.id], 6);
    }
    const cloud = r.options[0];
    expect(cloud.curve[0]).toBeCloseTo(cloud.monthly.internetEgress + (cloud.monthly.retrieval ?? 0), 6); // idle: only traffic
    const lines = (await runPlacement(['analyze', 'scenarios/stable-high-volume.yaml'])).stdout.split('\n');
    const axis = lines.find((l) => /^\s+\^[ A-Z]+$/.test(l))!;
    expect(lines.join('\n')).toContain('^ marks each break-even with cloud');
    const plot = lines.filter((l) => l.includes('┤'));
    expect(plot).toHaveLength(12);
    const zero = plot[0]!.indexOf('┤') + 1; // column of 0 %
    for (const o of r.options.filter(
      (x: { id: string; breakEvenUtilization: number | null }) => x.id !== 'cloud' && x.breakEvenUtilization !== null,
    )) {
      const mark = { dedicated: 'D', reserved: 'R', onprem: 'O' }[o.id as 'dedicated' | 'reserved' | 'onprem'];
      expect(axis[zero + Math.round(o.breakEvenUtilization * 50)]).toBe(mark);
    }
    expect(lines.join('\n')).toMatch(/O on-prem: break-even \d+\.\d%/);
  });
  test('multi-region: edge away from the cloud index gets co-location advice with its monthly cost', async () => {
    const r = await report('multi-region-latency.yaml');
    expect(r.verdict.colocation).toMatchObject({ indexLocation: 'cloud', placementLocation: 'edge' });
    expect(r.verdict.colocation.separationCostPerMonth).toBeCloseTo(3000 * 0.09 - 3000 * 0.01, 9);
  });
  test('sovereign: an assumption gives unknown history signals, and a warning', async () => {
    const r = await report('sovereign-enterprise.yaml');
    expect(r.utilization.sustainedDays['0.6']).toBeNull();
    expect(r.warnings.map((w: { code: string }) => w.code)).toContain('assumed-utilization');
  });
  test('multi-region: naive local timestamps across the DST change are read in the scenario zone', async () => {
    const r = await report('multi-region-latency.yaml');
    // 30 Berlin calendar days (one of 25 hours) from 2026-10-18 00:00 CEST to the last sample at
    // 2026-11-16 00:00 CET: 698 hours. The export's two "02:00" rows on 25 October cannot be told
    // apart, so both read as the first (CEST) one: 697 hours present.
    expect(r.utilization.window).toEqual({
      start: '2026-10-17T22:00:00.000Z',
      end: '2026-11-16T00:00:00.000Z',
      days: 30,
      coverage: 697 / 698,
    });
  });
});
