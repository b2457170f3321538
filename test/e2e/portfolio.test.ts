import { mkdtempSync, writeFileSync } from 'node:fs';
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
  test('the pool against each model alone: shares add up, the benefit is the difference', async () => {
    const r = await json('scenarios/model-portfolio.yaml');
    const p = r.portfolio;
    expect(p.models.map((m: { name: string }) => m.name)).toEqual([
      'chat',
      'search',
      'nightly-batch',
      'experiment',
      'chat-small',
    ]);
    expect(p.models[0].canaryGpuHours).toBeGreaterThan(0);
    expect(p.models[4].fallbackFor).toBe('chat');
    expect(r.utilization.input).toMatchObject({ format: 'models', source: '5 models' });
    expect(r.dataQuality.referenceGpus).toBe(88);
    expect(p.pooledMonthly).toBeCloseTo(r.verdict.plan.monthly, 9);
    const shares = p.models.reduce((t: number, m: { attributedMonthly: number }) => t + m.attributedMonthly, 0);
    expect(shares).toBeCloseTo(p.pooledMonthly, 6);
    const alone = p.models.reduce((t: number, m: { alone: { monthly: number } }) => t + m.alone.monthly, 0);
    expect(p.standAloneMonthly).toBeCloseTo(alone, 6);
    expect(p.poolingBenefit).toBeCloseTo(p.standAloneMonthly - p.pooledMonthly, 6);
    expect(p.poolingBenefit).toBeGreaterThan(0);
    // Bursts that do not coincide: the pool is reserved though no model alone would be.
    expect(r.verdict.placement).toBe('dedicated-reserved');
    expect(p.models.every((m: { alone: { placement: string } }) => m.alone.placement !== 'dedicated-reserved')).toBe(
      true,
    );
  });
  test('the table, Markdown and HTML views carry the same section, in 80 columns', async () => {
    const table = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml']);
    expect(table.stdout).toContain('Portfolio: 5 models on one fleet');
    expect(table.stdout).toMatch(/pooling saves \$6,622 a month/);
    for (const l of table.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(80);
    const md = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml', '--format', 'markdown']);
    expect(md.stdout).toContain('### Portfolio: 5 models on one fleet');
    expect(md.stdout).toContain('| chat | 32, 8 warm | hybrid-burst |');
    const html = await runPlacement(['analyze', 'scenarios/model-portfolio.yaml', '--format', 'html']);
    expect(html.stdout).toContain('<h2>Portfolio: 5 models on one fleet</h2>');
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
    expect(table.stdout).toMatch(/│ c +│ not there +│/);
    expect(table.stdout).toMatch(/│ b +│ [a-z-]+ +│ gone +│/);
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
