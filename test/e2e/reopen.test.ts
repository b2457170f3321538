import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// Every bundled scenario: the report made with the verdict is the decision in force; `check`
// against it on the same data fires nothing; moved across one of its boundaries, `review` exits 3
// naming the trigger.
const dir = tempDir('placement-reopen-');
cpSync(join(REPO, 'scenarios'), dir, { recursive: true });
const DAY = 86_400_000;

/** A timestamp,value CSV with each value moved by f(value) in the last `days` days, or every timestamp moved by `shiftDays`. */
function movedCsv(
  file: string,
  out: string,
  o: { days?: number; f?: (v: number) => number; shiftDays?: number },
): string {
  const [head, ...rows] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const last = Math.max(...rows.map((r) => Date.parse(r.split(',')[0]!)));
  const moved = rows.map((r) => {
    const [t, v] = r.split(',') as [string, string];
    const at = Date.parse(t);
    if (o.shiftDays !== undefined) return `${new Date(at + o.shiftDays * DAY).toISOString()},${v}`;
    return at > last - (o.days ?? 0) * DAY && o.f ? `${t},${o.f(Number(v))}` : r;
  });
  writeFileSync(join(dir, out), `${[head, ...moved].join('\n')}\n`);
  return join(dir, out);
}
/** The scenario with one line of its text replaced: the same name, so the decision in force applies. */
function movedScenario(file: string, from: string, to: string): string {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  const out = join(dir, `moved-${file}`);
  writeFileSync(out, text.replace(from, to));
  return out;
}

const CASES: Array<[file: string, move: string, expected: string, args: () => string[]]> = [
  [
    'stable-high-volume.yaml',
    'utilization 25 points lower for 70 days',
    'utilization-below-50',
    () => [
      '--utilization',
      movedCsv('data/stable-high-volume-util.csv', 'shv.csv', { days: 70, f: (v) => Math.max(0, v - 0.25) }),
    ],
  ],
  [
    'rag-enterprise.yaml',
    'utilization 25 points lower for 70 days',
    'consistent-below-40',
    () => [
      '--utilization',
      movedCsv('data/rag-enterprise-util.csv', 'rag.csv', { days: 70, f: (v) => Math.max(0, v - 0.25) }),
    ],
  ],
  [
    'experimental-copilot.yaml',
    'the same history 80 days later: no model change for 93 days',
    'model-selection-hardens',
    () => ['--utilization', movedCsv('data/experimental-copilot-util.csv', 'exp.csv', { shiftDays: 80 })],
  ],
  [
    'agentic-workflows.yaml',
    'token volume steady',
    'token-cv-stable',
    () => ['--tokens', movedCsv('data/agentic-tokens.csv', 'agentic-tokens.csv', { days: 1000, f: () => 1e9 })],
  ],
  [
    'burst-inference.yaml',
    'token volume steady',
    'token-cv-stable',
    () => ['--tokens', movedCsv('data/burst-tokens.csv', 'burst-tokens.csv', { days: 1000, f: () => 1e9 })],
  ],
  [
    'high-volume-repatriation.yaml',
    'egress an eighth',
    'egress-immaterial',
    () => [movedScenario('high-volume-repatriation.yaml', 'internetGBPerMonth: 350000', 'internetGBPerMonth: 43750')],
  ],
  [
    'multi-region-latency.yaml',
    'the TTFT target relaxed to 300 ms',
    'latency-target-relaxes',
    () => [movedScenario('multi-region-latency.yaml', 'ttftTargetMs: 100', 'ttftTargetMs: 300')],
  ],
  [
    'uncertain-prices.yaml',
    'the fleet assumed at 25 %',
    'consistent-below-40',
    () => [movedScenario('uncertain-prices.yaml', 'assumed: {triangular: [0.55, 0.70, 0.80]}', 'assumed: 0.25')],
  ],
  [
    'ownership-worked-example.yaml',
    'a measured history: 40 % or more for 120 days',
    'consistent-utilization-40',
    () => ['--utilization', movedCsv('data/stable-high-volume-util.csv', 'owned.csv', {})],
  ],
];

describe.each(CASES)('scenarios/%s', (file, move, expected, args) => {
  const decision = join(dir, `decision-${file}.json`);
  test(`its own report fires nothing; ${move}: review exits 3 naming ${expected}`, async () => {
    const analyzed = await runPlacement(['analyze', join(dir, file), '--json', '--out', decision]);
    expect(analyzed.code).toBe(0);
    const same = await runPlacement(['check', join(dir, file), '--previous', decision]);
    expect([same.code, same.stderr]).toEqual([0, '']);
    expect(same.stdout).not.toMatch(/^FIRING/m);
    const moved = args();
    const scenarioArg = moved[0]!.endsWith('.yaml') ? moved : [join(dir, file), ...moved];
    const r = await runPlacement(['review', ...scenarioArg, '--previous', decision, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    const firing = JSON.parse(r.stdout)
      .review.triggers.filter((t: { firing: boolean }) => t.firing)
      .map((t: { id: string }) => t.id);
    expect(firing).toContain(expected);
  });
});

test('scenarios/sovereign-enterprise.yaml: only a change of regulation reopens it, and that is judged by hand', async () => {
  const decision = join(dir, 'decision-sovereign.json');
  expect(
    (await runPlacement(['analyze', join(dir, 'sovereign-enterprise.yaml'), '--json', '--out', decision])).code,
  ).toBe(0);
  const triggers = JSON.parse(readFileSync(decision, 'utf8')).triggers;
  expect(triggers.map((t: { kind: string }) => t.kind)).toEqual(['manual', 'manual']);
  const moved = movedScenario('sovereign-enterprise.yaml', 'assumed: 0.45', 'assumed: 0.9');
  expect((await runPlacement(['review', moved, '--previous', decision])).code).toBe(0);
});
