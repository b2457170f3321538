import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement } from '../helpers/cli.js';

// Several models on one fleet: the pool analysed as one demand, each model as if alone.
const dir = mkdtempSync(join(tmpdir(), 'placement-portfolio-'));
const OPTIONS = `options:
  cloud: {onDemandPerGpuHour: 2.99}
  dedicated: {perGpuHour: 2.35, termMonths: 12}
`;
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const json = async (file: string) => {
  const r = await runPlacement(['analyze', file, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the bundled portfolio', () => {
  test('the sovereign model placed apart; the rest pooled; shares add up, the benefit is the difference', async () => {
    const r = await json('scenarios/model-portfolio.yaml');
    const p = r.portfolio;
    expect(p.models.map((m: { name: string }) => m.name)).toEqual([
      'chat',
      'search',
      'clinical-notes',
      'experiment',
      'agent',
    ]);
    expect(p.models.map((m: { group: string }) => m.group)).toEqual([
      'central',
      'central',
      'sovereign',
      'central',
      'central',
    ]);
    expect(p.models[0].canaryGpuHours).toBeGreaterThan(0);
    // The report's own analysis is the rest's: four models, 80 GPUs, the agent keeping the burst path.
    expect(r.utilization.input).toMatchObject({ format: 'models', source: '4 models', rows: 4 * 2160 });
    expect(r.dataQuality.referenceGpus).toBe(80);
    expect(r.verdict.placement).toBe('hybrid-burst');
    expect(r.verdict.reasons.map((x: { code: string }) => x.code)).toContain('agentic');
    const [sovereign, rest] = p.split.groups;
    expect(sovereign).toMatchObject({ id: 'sovereign', models: ['clinical-notes'], placement: 'on-prem-sovereign' });
    expect(sovereign.plan).toMatchObject({ family: 'onprem', gpus: 16, servers: 2 });
    expect(rest).toMatchObject({ id: 'central', placement: 'hybrid-burst', referenceGpus: 80 });
    expect(rest.monthly).toBeCloseTo(r.verdict.plan.monthly, 9);
    expect(p.split.monthly).toBeCloseTo(sovereign.monthly + rest.monthly, 6);
    expect(p.pooledMonthly).toBeCloseTo(p.split.monthly, 6);
    expect(p.split.cost).toBeCloseTo(p.split.monthly - p.split.togetherMonthly, 6);
    // Each group's month shared among its models: the sovereign model pays its group's whole.
    expect(p.models[2].attributedMonthly).toBeCloseTo(sovereign.monthly, 6);
    const shares = p.models.reduce((t: number, m: { attributedMonthly: number }) => t + m.attributedMonthly, 0);
    expect(shares).toBeCloseTo(p.pooledMonthly, 6);
    const alone = p.models.reduce((t: number, m: { alone: { monthly: number } }) => t + m.alone.monthly, 0);
    expect(p.standAloneMonthly).toBeCloseTo(alone, 6);
    expect(p.poolingBenefit).toBeCloseTo(p.standAloneMonthly - p.pooledMonthly, 6);
    expect(p.poolingBenefit).toBeGreaterThan(0);
    // The agent keeps its canary three weeks, past the 14-day limit; nothing else is over.
    const over = p.checks.filter((c: { overLimit: boolean }) => c.overLimit);
    expect(over).toEqual([{ id: 'canary-retention', model: 'agent', value: 21, limit: 14, overLimit: true }]);
  });
  test('the table, Markdown and HTML views carry the same section, in 80 columns', async () => {
    const table = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml']);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('on-prem-sovereign + hybrid-burst · firm · model-portfolio');
    expect(lines[1]).toMatch(/^Sovereign, placed apart \(clinical-notes; 16 GPUs\): buy 2 × 8-GPU servers/);
    expect(table.stdout).toMatch(/The rest \(chat, search, experiment, agent; 80 GPUs\): reserve 56 GPUs/);
    expect(table.stdout).toContain('Portfolio: 5 models, 1 placed apart');
    expect(table.stdout).toMatch(/pooling saves \$3,868 a month/);
    expect(table.stdout).toMatch(/agent keeps its canary 21 days after a rollout\s+\(limit 14\)/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    const md = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml', '--format', 'markdown']);
    expect(md.stdout).toContain('### Portfolio: 5 models, 1 placed apart');
    expect(md.stdout).toContain('| chat | 32, 8 warm | hybrid-burst |');
    const html = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml', '--format', 'html']);
    expect(html.stdout).toContain('<h2>Portfolio: 5 models, 1 placed apart</h2>');
    // The commands of one analysis say which models it is of.
    for (const command of ['sensitivity', 'schedule']) {
      const r = await runPlacement([command, 'scenarios/model-portfolio.yaml']);
      expect(r.stdout).toMatch(/^For the models placed together: chat, search, experiment, agent \(hybrid-burst\)\./);
      expect(r.stdout).toMatch(/Placed apart: clinical-notes\s+\(on-prem-sovereign\)/);
    }
    const json = await runPlacement(['sensitivity', 'scenarios/model-portfolio.yaml', '--format', 'json']);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});

describe('a portfolio of one model is that model', () => {
  test('the same verdict and month as the one-workload scenario; alone is the pool; nothing saved', async () => {
    const hours = ['timestamp,utilization'];
    for (let i = 0; i < 24 * 30; i++)
      hours.push(
        `${new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString()},${(0.5 + 0.3 * Math.sin(i / 4)).toFixed(3)}`,
      );
    write('one.csv', hours.join('\n') + '\n');
    const single = await json(
      write(
        'single.yaml',
        `schemaVersion: 1\nname: one\nwindow: {days: 30}\nworkload:\n  referenceGpus: 16\n  utilization: {source: one.csv}\n${OPTIONS}`,
      ),
    );
    const pooled = await json(
      write(
        'pool-of-one.yaml',
        `schemaVersion: 1\nname: one\nwindow: {days: 30}\nmodels:\n  - {name: only, referenceGpus: 16, utilization: {source: one.csv}}\n${OPTIONS}`,
      ),
    );
    expect(pooled.verdict.placement).toBe(single.verdict.placement);
    expect(pooled.verdict.plan.monthly).toBeCloseTo(single.verdict.plan.monthly, 6);
    expect(pooled.utilization.mean).toBeCloseTo(single.utilization.mean, 9);
    const [only] = pooled.portfolio.models;
    expect(only.alone.monthly).toBeCloseTo(pooled.portfolio.pooledMonthly, 6);
    expect(only.attributedMonthly).toBeCloseTo(pooled.portfolio.pooledMonthly, 6);
    expect(pooled.portfolio.poolingBenefit).toBeCloseTo(0, 6);
    expect(single.portfolio).toBeNull();
  });
  test('a model without history adds its assumed level; a pool of assumptions is flat', async () => {
    const r = await json(
      write(
        'assumed.yaml',
        `schemaVersion: 1\nname: flat\nmodels:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n  - {name: b, referenceGpus: 8, utilization: {assumed: 0.25}, warmFloorGpus: 4}\n${OPTIONS}`,
      ),
    );
    // a: 4 busy; b: max(2, 4 × 0.7 = 2.8) = 2.8 → 6.8 busy of 16 GPUs.
    expect(r.utilization.mean).toBeCloseTo(6.8 / 16, 9);
    expect(r.portfolio.notServingShare).toBeCloseTo(0.8 / 6.8, 9);
  });
});

describe('models placed apart', () => {
  const owned = (quantity: number) =>
    `${OPTIONS}  onPrem:\n    gpusPerServer: 8\n    hardware: [{name: node, unitCost: 250000, quantity: ${quantity}, usefulLifeMonths: 60}]\n    powerKwPerServer: 10\n    pue: 1.3\n    facilityPerKwMonth: 150\n    electricityPerKwh: 0.1\n    staff: {ftes: 0.5, costPerFteYear: 180000}\n`;
  const ledger = '{name: ledger, referenceGpus: 8, utilization: {assumed: 0.5}, constraints: {sovereignty: true}}';
  const chat = '{name: chat, referenceGpus: 16, utilization: {assumed: 0.6}}';
  const search = '{name: search, referenceGpus: 8, utilization: {assumed: 0.3}}';
  test('a sovereign model apart is its own sovereign scenario; the rest is a portfolio of the rest', async () => {
    const split = await json(
      write('split.yaml', `schemaVersion: 1\nname: s\nmodels:\n  - ${ledger}\n  - ${chat}\n  - ${search}\n${owned(4)}`),
    );
    const alone = await json(
      write(
        'ledger.yaml',
        `schemaVersion: 1\nname: s\nworkload:\n  referenceGpus: 8\n  utilization: {assumed: 0.5}\n  constraints: {sovereignty: true}\n${owned(1)}`,
      ),
    );
    const rest = await json(
      write('rest.yaml', `schemaVersion: 1\nname: s\nmodels:\n  - ${chat}\n  - ${search}\n${owned(3)}`),
    );
    const [sovereign, central] = split.portfolio.split.groups;
    expect(sovereign).toMatchObject({ id: 'sovereign', models: ['ledger'], placement: 'on-prem-sovereign' });
    expect(sovereign.monthly).toBeCloseTo(alone.verdict.plan.monthly, 6);
    expect(alone.verdict.placement).toBe('on-prem-sovereign');
    expect(central).toMatchObject({ id: 'central', models: ['chat', 'search'], placement: rest.verdict.placement });
    expect(central.monthly).toBeCloseTo(rest.verdict.plan.monthly, 6);
    // The report's own analysis is the rest's; the total is both; one pool of all is priced beside.
    expect(split.verdict.placement).toBe(rest.verdict.placement);
    expect(split.dataQuality.referenceGpus).toBe(24);
    expect(split.portfolio.pooledMonthly).toBeCloseTo(sovereign.monthly + central.monthly, 6);
    expect(split.portfolio.split.togetherMonthly).toBeGreaterThan(0);
    expect(split.portfolio.split.cost).toBeCloseTo(
      split.portfolio.split.monthly - split.portfolio.split.togetherMonthly,
      6,
    );
    const table = await runPlacement(['analyze', join(dir, 'split.yaml')]);
    expect(table.stdout.split('\n')[0]).toBe(`on-prem-sovereign + ${rest.verdict.placement} · PROVISIONAL · s`);
    expect(table.stdout).toMatch(/Sovereign, placed apart \(ledger; 8 GPUs\): buy 1 × 8-GPU servers/);
  });
  test('every model sovereign: one pool, on-prem-sovereign, nothing split', async () => {
    const r = await json(
      write(
        'all-sovereign.yaml',
        `schemaVersion: 1\nname: s\nworkload:\n  constraints: {sovereignty: true}\nmodels:\n  - ${chat}\n  - ${search}\n${owned(3)}`,
      ),
    );
    expect(r.verdict.placement).toBe('on-prem-sovereign');
    expect(r.portfolio.split).toBeNull();
    expect(r.portfolio.models.every((m: { group: string }) => m.group === 'sovereign')).toBe(true);
  });
  test('a model with a fifth of its traffic beyond the latency target goes to the edge', async () => {
    const edge = `  edge: {sites: 2, gpusPerSite: 4, hardwareCostPerSite: 70000, usefulLifeMonths: 48, opexPerSiteMonth: 1200, powerKwPerSite: 2.2, electricityPerKwh: 0.14}\n`;
    const far =
      '{name: far, referenceGpus: 8, utilization: {assumed: 0.5}, constraints: {regions: [{name: ap, trafficShare: 0.6, rttMs: 190}]}}';
    const r = await json(
      write(
        'edge.yaml',
        `schemaVersion: 1\nname: e\nworkload:\n  constraints: {ttftTargetMs: 200, servingTtftMs: 60}\nmodels:\n  - ${chat}\n  - ${far}\n${OPTIONS}${edge}`,
      ),
    );
    expect(r.portfolio.split.groups.map((g: { id: string; placement: string }) => [g.id, g.placement])).toEqual([
      ['edge', 'edge'],
      ['central', r.verdict.placement],
    ]);
    expect(r.portfolio.split.groups[0].plan).toMatchObject({ family: 'edge' });
  });
});

describe("a review of a portfolio's limits", () => {
  test('a limit passed since the decision is NEW and exits 3; one over at the decision does not', async () => {
    const body = (days: number) =>
      `schemaVersion: 1\nname: lim\nmodels:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n  - {name: b, referenceGpus: 8, utilization: {assumed: 0.5}, rollouts: [2026-11-01], canary: {share: 0.1, retainedDays: ${days}}}\n${OPTIONS}`;
    const decision = join(dir, 'lim-decision.json');
    await runPlacement(['analyze', write('lim.yaml', body(7)), '--json', '--out', decision]);
    write('lim.yaml', body(30));
    const history = join(dir, 'lim-history.ndjson');
    const now = await runPlacement(['review', join(dir, 'lim.yaml'), '--previous', decision, '--history', history]);
    expect(now.code).toBe(3);
    expect(JSON.parse(readFileSync(history, 'utf8')).triggersFiring).toEqual(['canary-retention:b']);
    expect(now.stdout).toMatch(/NEW b keeps its canary 30 days after a rollout \(limit 14\)/);
    // Reviewed against a decision that already had it: stated, no alarm.
    const again = join(dir, 'lim-again.json');
    await runPlacement(['analyze', join(dir, 'lim.yaml'), '--json', '--out', again]);
    const steady = await runPlacement(['review', join(dir, 'lim.yaml'), '--previous', again]);
    expect(steady.code).toBe(0);
    expect(steady.stdout).toMatch(/• b keeps its canary 30 days/);
  });
  test("a model's own verdict apart from its pool's at the decision and today, 90 days on, is flagged", async () => {
    const decision = join(dir, 'portfolio-decision.json');
    await runPlacement(['analyze', 'scenarios/model-portfolio.yaml', '--json', '--out', decision]);
    const report = JSON.parse(readFileSync(decision, 'utf8'));
    // experiment alone is cloud-managed, its pool hybrid-burst.
    expect(report.portfolio.models[3].alone.placement).not.toBe(report.verdict.placement);
    const r = await runPlacement(['review', 'scenarios/model-portfolio.yaml', '--previous', decision, '--json']);
    expect(JSON.parse(r.stdout).review.limits.filter((l: { id: string }) => l.id === 'verdict-diverges')).toEqual([
      expect.objectContaining({ model: 'experiment', overLimit: false, isNew: false }),
    ]);
    report.generatedAt = new Date(Date.now() - 100 * 86_400_000).toISOString();
    writeFileSync(decision, JSON.stringify(report));
    const later = await runPlacement(['review', 'scenarios/model-portfolio.yaml', '--previous', decision]);
    expect(later.code).toBe(3);
    expect(later.stdout).toMatch(
      /NEW experiment's own verdict has differed from its pool's for 100 days\s+\(limit\s+90\)/,
    );
  });
});

describe('a review of a portfolio, model by model', () => {
  test('each model then and now; one added and one gone are told so', async () => {
    const body = (names: string[]) =>
      `schemaVersion: 1\nname: rev\nmodels:\n${names.map((n) => `  - {name: ${n}, referenceGpus: 8, utilization: {assumed: 0.5}}`).join('\n')}\n${OPTIONS}`;
    const decision = join(dir, 'decision.json');
    expect(
      (await runPlacement(['analyze', write('rev-then.yaml', body(['a', 'b'])), '--json', '--out', decision])).code,
    ).toBe(0);
    const r = await runPlacement(['review', write('rev-now.yaml', body(['a', 'c'])), '--decision', decision, '--json']);
    const models = JSON.parse(r.stdout).review.models;
    expect(models.map((m: { name: string }) => m.name)).toEqual(['a', 'c', 'b']);
    expect(models[0].previous.placement).toBe(models[0].current.placement);
    expect(models[1].previous).toBeNull();
    expect(models[2].current).toBeNull();
    const table = await runPlacement(['review', join(dir, 'rev-now.yaml'), '--decision', decision]);
    expect(table.stdout).toMatch(/│ c +│ not there → [a-z-]+ +│/);
    expect(table.stdout).toMatch(/│ b +│ [a-z-]+ → gone +│/);
  });
});

describe('models with their own tokens and egress', () => {
  test('the portfolio has their sum; each its own cost per million tokens, of its share', async () => {
    const days = (per: number) =>
      [
        'timestamp,tokens',
        ...Array.from({ length: 30 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')},${per}`),
      ].join('\n') + '\n';
    write('a-tokens.csv', days(2e9));
    write('b-tokens.csv', days(5e8));
    const r = await json(
      write(
        'tokens.yaml',
        `schemaVersion: 1\nname: t\nmodels:\n  - {name: a, referenceGpus: 16, utilization: {assumed: 0.6}, tokens: {source: a-tokens.csv}, egress: {internetGBPerMonth: 3000}}\n  - {name: b, referenceGpus: 8, utilization: {assumed: 0.4}, tokens: {source: b-tokens.csv}, egress: {internetGBPerMonth: 1000}}\n  - {name: c, referenceGpus: 8, utilization: {assumed: 0.2}}\n${OPTIONS}`,
      ),
    );
    expect(r.traffic.internetGBPerMonth).toBe(4000);
    expect(r.tokens.dailyMean).toBeCloseTo(2.5e9, 0);
    const [a, b, c] = r.portfolio.models;
    // 30.4166… days a month (730 hours) of 2e9 tokens a day: 60,833 million tokens.
    expect(a.costPerMillionTokens).toBeCloseTo(a.attributedMonthly / ((2e9 * 730) / 24 / 1e6), 9);
    expect(b.costPerMillionTokens).toBeCloseTo(b.attributedMonthly / ((5e8 * 730) / 24 / 1e6), 9);
    expect(c.costPerMillionTokens).toBeNull();
  });
});

describe('what a portfolio scenario may not say', () => {
  const refused = async (name: string, body: string, args: string[] = []) => {
    const r = await runPlacement(['analyze', write(name, `schemaVersion: 1\nname: x\n${body}${OPTIONS}`), ...args]);
    expect(r.code).toBe(2);
    return r.stderr;
  };
  test('two models of one name; the workload’s own fleet or history beside the models', async () => {
    expect(
      await refused(
        'dup.yaml',
        'models:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n',
      ),
    ).toMatch(/models\[1\]\.name: "a" names another model already/);
    expect(
      await refused(
        'both.yaml',
        'workload:\n  referenceGpus: 8\n  utilization: {assumed: 0.5}\nmodels:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n',
      ),
    ).toMatch(
      /workload\.referenceGpus: with models, the fleet is theirs[^\n]*\n[^\n]*workload\.utilization: with models, each has its own history/,
    );
    expect(await refused('none.yaml', 'models:\n  - {name: a, referenceGpus: 8, utilization: {}}\n')).toMatch(
      /models\[0\]\.utilization: needs a history/,
    );
  });
  test('a fallback for no other model, a shadow without a canary, retiring before its start', async () => {
    const stderr = await refused(
      'lifecycle.yaml',
      'models:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}, fallbackFor: a, shadow: {share: 0.1}, since: 2026-05-01, retireBy: 2026-01-01}\n  - {name: b, referenceGpus: 8, utilization: {assumed: 0.5}}\n',
    );
    expect(stderr).toMatch(/models\[0\]\.fallbackFor: expected the name of another model: "b"/);
    expect(stderr).toMatch(/models\[0\]\.shadow: is resident while a canary is/);
    expect(stderr).toMatch(/models\[0\]\.retireBy: is before since \(2026-05-01\)/);
  });
  test('a model past its retireBy day is priced, with a warning', async () => {
    const r = await json(
      write(
        'retired.yaml',
        `schemaVersion: 1\nname: r\nmodels:\n  - {name: old, referenceGpus: 8, utilization: {assumed: 0.3}, retireBy: 2020-01-01}\n${OPTIONS}`,
      ),
    );
    expect(r.warnings.map((w: { message: string }) => w.message)).toContain(
      'model old was to leave the fleet by 2020-01-01 and is still in the portfolio: its residency is priced with the rest',
    );
  });
  test("the portfolio's own tokens or egress beside the models'", async () => {
    const stderr = await refused(
      'both-tokens.yaml',
      'workload:\n  tokens: {source: t.csv}\n  egress: {internetGBPerMonth: 10}\nmodels:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}, tokens: {source: a.csv}, egress: {internetGBPerMonth: 5}}\n',
    );
    expect(stderr).toMatch(/workload\.tokens: with models' own token histories, the portfolio's is their sum/);
    expect(stderr).toMatch(/workload\.egress: with models' own egress, the portfolio's is their sum/);
  });
  test("a model's regions adding up past its traffic; limits without models", async () => {
    expect(
      await refused(
        'regions.yaml',
        'models:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}, constraints: {regions: [{name: x, trafficShare: 0.7, rttMs: 9}, {name: y, trafficShare: 0.4, rttMs: 9}]}}\n',
      ),
    ).toMatch(/models\[0\]\.constraints\.regions: traffic shares add up to 1\.1/);
    expect(
      await refused(
        'governance.yaml',
        'workload:\n  referenceGpus: 8\n  utilization: {assumed: 0.5}\ngovernance: {canaryMaxDays: 7}\n',
      ),
    ).toMatch(/governance: sets limits for a portfolio: give models, or leave it out/);
  });
  test('histories that share no hour: one line that says so', async () => {
    const day = (from: number) =>
      [
        'timestamp,utilization',
        ...Array.from(
          { length: 24 },
          (_, i) => `${new Date(Date.UTC(2026, 9, from) + i * 3_600_000).toISOString()},0.5`,
        ),
      ].join('\n') + '\n';
    write('oct1.csv', day(1));
    write('oct5.csv', day(5));
    const stderr = await refused(
      'apart.yaml',
      'models:\n  - {name: a, referenceGpus: 8, utilization: {source: oct1.csv}}\n  - {name: b, referenceGpus: 8, utilization: {source: oct5.csv}}\n',
    );
    expect(stderr.trim()).toMatch(/models: the histories of a, b share no hour: give histories of the same weeks$/);
  });
  test('--utilization reads one history: refused for a portfolio', async () => {
    const stderr = await refused(
      'flag.yaml',
      'models:\n  - {name: a, referenceGpus: 8, utilization: {assumed: 0.5}}\n',
      ['--utilization', 'x.csv'],
    );
    expect(stderr.trim()).toBe(
      'placement: --utilization: reads one history, and this scenario’s models each have their own',
    );
  });
});
