import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectCleanError, runPlacement, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-review-');
const scenario = join(tmp, 'inference.yaml');
// Cloud and a dedicated baseline of 8 GPUs (no on-prem option, so no break-even trigger).
writeFileSync(
  scenario,
  `schemaVersion: 1
name: quarterly-inference
workload:
  referenceGpus: 16
  utilization: {assumed: 0.5}
options:
  cloud: {onDemandPerGpuHour: 2.99}
  dedicated: {perGpuHour: 2.35, gpus: 8}
`,
);

const DAY = 86_400_000;
/** Hourly history of 120 days ending at `end`, day d (0 = oldest) at level(d). */
function quarter(name: string, end: number, level: (day: number) => number): string {
  const rows = ['timestamp,utilization'];
  for (let d = 0; d < 120; d++)
    for (let h = 0; h < 24; h++)
      rows.push(`${new Date(end - (120 - d) * DAY + h * 3_600_000).toISOString()},${level(d)}`);
  const file = join(tmp, `${name}.csv`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('four quarterly reviews, utilization falling below the dedicated threshold in the third', () => {
  const history = join(tmp, 'reviews.ndjson');
  const quarters = [
    quarter('q1', Date.UTC(2026, 3, 1), () => 0.75),
    quarter('q2', Date.UTC(2026, 6, 1), () => 0.75),
    // The last 82 days below 50 %, at 7 busy GPUs: 10 reserved GPUs serve 7 busy at 70 %, and the
    // window's other 8 days (12 busy) burst: 5 × 192 of 16,080 busy GPU-hours, 6 %.
    quarter('q3', Date.UTC(2026, 9, 1), (d) => (d < 38 ? 0.75 : 0.4375)),
    quarter('q4', Date.UTC(2027, 0, 1), () => 0.35),
  ];
  // Quarter after quarter, each review reading the report the one before saved.
  const runs: Array<CliResult & { out: ReturnType<typeof JSON.parse> }> = [];
  beforeAll(async () => {
    for (const [i, file] of quarters.entries()) {
      const previous = i === 0 ? [] : ['--previous', join(tmp, `report-q${i}.json`)];
      const r = await runPlacement([
        'review',
        scenario,
        '--utilization',
        file,
        ...previous,
        '--history',
        history,
        '--save-report',
        join(tmp, `report-q${i + 1}.json`),
        '--json',
      ]);
      runs.push({ ...r, out: r.stdout ? JSON.parse(r.stdout) : null });
    }
  });

  test('exit codes 0, 0, 3, 3', () => {
    for (const r of runs) expect(r.stderr).toBe('');
    expect(runs.map((r) => r.code)).toEqual([0, 0, 3, 3]);
  });
  test('what each review says', () => {
    expect(runs.map((r) => r.out.report.verdict.placement)).toEqual([
      'dedicated-reserved',
      'dedicated-reserved',
      'dedicated-reserved',
      'cloud-managed',
    ]);
    expect(runs[0]!.out.review).toBeNull();
    // Q3: the verdict holds (rule 7: reserving 10 GPUs is still cheaper than cloud, and burst
    // carries under 10 % of the busy GPU-hours) but a trigger starts firing.
    const q3 = runs[2]!.out.review;
    expect(q3.verdict).toEqual({
      previous: 'dedicated-reserved',
      current: 'dedicated-reserved',
      changed: false,
      insideHysteresis: false,
    });
    expect(runs[2]!.out.report.verdict.reasons.map((r: { code: string }) => r.code)).toEqual([
      'between-bands',
      'cheaper-at-measured',
      'reserved-sizing',
    ]);
    expect(runs[2]!.out.report.verdict.reasons[2].args).toMatchObject({ gpus: 10, burstShareOfHours: 8 / 90 });
    expect(runs[2]!.out.report.verdict.reasons[2].args.burstShareOfBusyGpuHours).toBeCloseTo(960 / 16080, 12);
    expect(q3.triggers.find((t: { id: string }) => t.id === 'utilization-below-50')).toMatchObject({
      atDecision: 0,
      today: 82,
      firing: true,
      isNew: true,
    });
    const mean = q3.movements.find((m: { metric: string }) => m.metric === 'utilization.mean');
    expect(mean.previous).toBeCloseTo(0.75, 12);
    expect(mean.current).toBeCloseTo((8 * 0.75 + 82 * 0.4375) / 90, 12);
    expect(mean.relativeChange).toBeCloseTo(mean.change / 0.75, 12);
    // Q4: consistent utilization under 40 %: cloud-managed.
    expect(runs[3]!.out.review.verdict).toEqual({
      previous: 'dedicated-reserved',
      current: 'cloud-managed',
      changed: true,
      insideHysteresis: false,
    });
  });
  test('the history holds one line per review, and reads back quarter by quarter', async () => {
    expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(4);
    const h = JSON.parse((await runPlacement(['history', history, '--json'])).stdout);
    expect(h.skipped).toEqual([]);
    expect(
      h.entries.map((e: { exitCode: number; verdict: { changed: boolean | null } }) => [e.exitCode, e.verdict.changed]),
    ).toEqual([
      [0, null],
      [0, false],
      [3, false],
      [3, true],
    ]);
    expect(h.entries[2].triggersFiring).toEqual(['utilization-below-50']);
    const table = (await runPlacement(['history', history])).stdout;
    expect(table).toContain('mean utilization, review by review: ');
    // Eight bars for 0–100 %: round(0.75 × 7) = 5 → ▆, round(0.465 × 7) = 3 → ▄, round(0.35 × 7) = 2 → ▃.
    expect(table).toMatch(/review by review: ▆▆▄▃/);
  });
  test('--fail-on narrows the exit code; check prints the triggers for cron', async () => {
    const prev = ['--previous', join(tmp, 'report-q2.json'), '--utilization', quarters[2]!];
    expect((await runPlacement(['review', scenario, ...prev, '--fail-on', 'verdict-change'])).code).toBe(0);
    expect((await runPlacement(['review', scenario, ...prev, '--fail-on', 'trigger'])).code).toBe(3);
    expect((await runPlacement(['review', scenario, ...prev, '--fail-on', 'never'])).code).toBe(0);
    // check judges the decision in force on today's data; without one, today's own triggers fire nothing.
    const check = await runPlacement(
      ['check', scenario, '--previous', join(tmp, 'report-q2.json'), '--utilization', quarters[2]!],
      {
        width: 400,
      },
    );
    expect(check.code).toBe(3);
    expect(check.stdout.split('\n')[0]).toMatch(
      /^FIRING quarterly-inference utilization-below-50: Daily mean utilization below 50 % for 60 days in a row \(.*\) → the basis of dedicated-reserved no longer holds: reopen the decision \(now 82, 22 days past\)$/,
    );
    const alone = await runPlacement(['check', scenario, '--utilization', quarters[2]!]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/no decision in force was given/);
    const json = JSON.parse(
      (
        await runPlacement([
          'check',
          scenario,
          '--previous',
          join(tmp, 'report-q2.json'),
          '--utilization',
          quarters[2]!,
          '--json',
        ])
      ).stdout,
    );
    expect(json).toMatchObject({
      kind: 'check',
      exitCode: 3,
      verdict: { inForce: 'dedicated-reserved', today: 'dedicated-reserved', changed: false },
    });
    expect(json.triggers.find((t: { id: string }) => t.id === 'utilization-below-50')).toMatchObject({
      atDecision: 0,
      today: 82,
      threshold: 60,
      distance: -22,
      firing: true,
    });
  });
  test('Markdown for a pull-request comment', async () => {
    const md = await runPlacement([
      'review',
      scenario,
      '--previous',
      join(tmp, 'report-q3.json'),
      '--utilization',
      quarters[3]!,
      '--format',
      'markdown',
    ]);
    expect(md.code).toBe(3);
    expect(md.stdout).toContain('**Verdict changed: dedicated-reserved → cloud-managed.**');
    expect(md.stdout).toMatch(
      /\*\*● FIRING \(new\)\*\* Consistent utilization \(p20\) falls below 40 % → the verdict would become cloud-managed \(now 35\.0%, 5\.0 points past\)/,
    );
    expect(md.stdout).toContain('| number | previous | current | change | relative |');
    // Q3's mean (8 × 0.75 + 82 × 0.4375) / 90 = 46.5 %; Q4's 35 %: −11.5 points, −24.8 % relative.
    expect(md.stdout).toMatch(/\| mean utilization \| 46\.5% \| 35\.0% \| −11\.5 pts \| −24\.8% \|/);
    expect(md.stdout).toContain('**Reopen the placement decision** (exit 3).');
  });
  test('a previous report of another scenario or schema version is bad input', async () => {
    const other = JSON.parse(readFileSync(join(tmp, 'report-q1.json'), 'utf8'));
    writeFileSync(
      join(tmp, 'other.json'),
      JSON.stringify({ ...other, scenario: { ...other.scenario, name: 'someone-else' } }),
    );
    writeFileSync(join(tmp, 'v3.json'), JSON.stringify({ ...other, schemaVersion: 3 }));
    const a = await runPlacement(['review', scenario, '--previous', join(tmp, 'other.json')]);
    expect([a.code, a.stdout]).toEqual([2, '']);
    expect(a.stderr).toMatch(
      /other\.json: scenario\.name: the previous report is of scenario "someone-else", not "quarterly-inference"/,
    );
    const b = await runPlacement(['review', scenario, '--previous', join(tmp, 'v3.json')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(
      /schemaVersion: the previous report has schemaVersion 3; this version of placement reads 1 and 2/,
    );
    expectCleanError(b.stderr);
  });
  test.each([
    [
      'a null verdict',
      (r: Record<string, unknown>) => ({ ...r, verdict: null }),
      /verdict: the previous report is damaged: expected a mapping of fields, got null/,
    ],
    [
      'a verdict that is a number',
      (r: Record<string, unknown>) => ({ ...r, verdict: { ...(r.verdict as object), placement: 42 } }),
      /verdict\.placement: the previous report is damaged: expected one of "cloud-managed", .*, got number 42/,
    ],
    [
      'a null trigger',
      (r: Record<string, unknown>) => ({ ...r, triggers: [null] }),
      /triggers\[0\]: the previous report is damaged/,
    ],
    [
      'monthly figures as text',
      (r: Record<string, unknown>) => ({ ...r, options: [{ id: 'cloud', monthly: { total: 'lots' } }] }),
      /options\[0\]\.monthly\.total: the previous report is damaged: expected a number/,
    ],
    ['null as the whole file', () => null, /--previous: not a placement report/],
  ])('a previous report with %s is refused, exit 2', async (_what, damage, message) => {
    const good = JSON.parse(readFileSync(join(tmp, 'report-q1.json'), 'utf8')) as Record<string, unknown>;
    const file = join(tmp, 'damaged.json');
    writeFileSync(file, JSON.stringify(damage(good)));
    for (const command of ['review', 'check']) {
      const r = await runPlacement([command, scenario, '--previous', file]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
      expectCleanError(r.stderr);
    }
  });
  test('--decision naming a file that is no report says --decision', async () => {
    const file = join(tmp, 'not-a-report.json');
    writeFileSync(file, '{"a": 1}');
    const r = await runPlacement(['review', scenario, '--decision', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-a-report\.json: --decision: not a placement report/);
  });
  test('a history file that holds no review entry is refused, and nothing is appended to it', async () => {
    const file = join(tmp, 'not-history.txt');
    const text = '# notes\n{"date": 1}\nmore notes\n';
    writeFileSync(file, text);
    const r = await runPlacement(['review', scenario, '--previous', join(tmp, 'report-q1.json'), '--history', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /not-history\.txt: --history: not a review history: none of its 3 lines is a review entry/,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect((await runPlacement(['history', file])).code).toBe(2);
  });
  test('a version-1 report is still read as the previous one: what it lacks is unknown', async () => {
    // Version 1's hybrid option and its verdict note; no growth, dataQuality, plan or status.
    const current = JSON.parse(readFileSync(join(tmp, 'report-q1.json'), 'utf8'));
    const v1 = {
      ...current,
      schemaVersion: 1,
      options: current.options.map((o: { id: string }) => (o.id === 'reserved' ? { ...o, id: 'hybrid' } : o)),
    };
    for (const k of ['growth', 'dataQuality']) delete v1[k];
    v1.verdict = {
      placement: current.verdict.placement,
      governingConstraint: current.verdict.governingConstraint,
      rule: current.verdict.rule,
      reasons: [],
      cheapestAtMeasured: 'hybrid',
      placementOption: 'dedicated',
      note: null,
      colocation: null,
      confidence: null,
      latency: current.verdict.latency,
    };
    writeFileSync(join(tmp, 'v1.json'), JSON.stringify(v1));
    const r = await runPlacement([
      'review',
      scenario,
      '--previous',
      join(tmp, 'v1.json'),
      '--utilization',
      quarters[1]!,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const review = JSON.parse(r.stdout).review;
    expect(review.verdict).toEqual({
      previous: 'dedicated-reserved',
      current: 'dedicated-reserved',
      changed: false,
      insideHysteresis: false,
    });
    expect(review.movements.find((m: { metric: string }) => m.metric === 'reserved.monthly')).toMatchObject({
      previous: null,
    });
  });
});

describe('a review killed mid-append', () => {
  test('the history still reads: the torn line is reported, the earlier entries kept, the next append starts afresh', async () => {
    const history = join(tmp, 'killed.ndjson');
    const q = quarter('k', Date.UTC(2026, 3, 1), () => 0.75);
    expect((await runPlacement(['review', scenario, '--utilization', q, '--history', history])).code).toBe(0);
    const entry = readFileSync(history, 'utf8');
    // A process that appends half an entry and is killed before it can finish.
    const killed = spawnSync(process.execPath, [
      '-e',
      `
      const fs = require('node:fs');
      const fd = fs.openSync(${JSON.stringify(history)}, 'a');
      fs.writeSync(fd, ${JSON.stringify(entry.slice(0, Math.floor(entry.length / 2)))});
      process.kill(process.pid, 'SIGKILL');`,
    ]);
    expect(killed.signal).toBe('SIGKILL');
    const torn = await runPlacement(['history', history, '--json']);
    expect(torn.code).toBe(0);
    expect(JSON.parse(torn.stdout)).toMatchObject({
      entries: [expect.anything()],
      skipped: [{ line: 2, reason: 'torn last line (a write was interrupted)' }],
    });
    expect(torn.stderr).toMatch(/killed\.ndjson:2: skipped: torn last line/);
    expect((await runPlacement(['review', scenario, '--utilization', q, '--history', history])).code).toBe(0);
    const after = JSON.parse((await runPlacement(['history', history, '--json'])).stdout);
    expect(after.entries).toHaveLength(2);
    expect(after.skipped).toEqual([{ line: 2, reason: 'damaged line (an interrupted write, or not a history entry)' }]);
  });
});
