import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, runPlacement, expectCleanError } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-e2e-');
const GOOD = `schemaVersion: 1
name: e2e
workload:
  referenceGpus: 8
  utilization: {assumed: 0.5}
options:
  cloud: {onDemandPerGpuHour: 2.99}
  dedicated: {perGpuHour: 2.35}
`;
function scenarioFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('bad input: exit 2, one clear line naming file, line, column and field, no stack trace', () => {
  test.each([
    [
      'typo.yaml',
      GOOD.replace('assumed', 'asumed'),
      /^placement: .*typo\.yaml:5:17: workload\.utilization\.asumed: unknown key \(did you mean "assumed"\?\)/,
    ],
    [
      'negative.yaml',
      GOOD.replace('2.35', '-2.35'),
      /^placement: .*negative\.yaml:8:27: options\.dedicated\.perGpuHour: must be > 0, got number -2\.35$/m,
    ],
    [
      'fraction.yaml',
      GOOD.replace('0.5}', '1.5}'),
      /^placement: .*fraction\.yaml:5:26: workload\.utilization\.assumed: must be ≤ 1, got number 1\.5/,
    ],
    [
      'malformed.yaml',
      'schemaVersion: 1\nname: [x\nworkload: {\n',
      /^placement: .*malformed\.yaml:\d+:\d+: not valid YAML or JSON/,
    ],
    ['empty.yaml', '', /^placement: .*empty\.yaml: the file is empty/],
  ])('%s', async (name, text, pattern) => {
    const r = await runPlacement(['analyze', scenarioFile(name, text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expectCleanError(r.stderr);
  });
  test('a missing scenario file', async () => {
    const r = await runPlacement(['analyze', 'nope/missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('placement: nope/missing.yaml: no such file\n');
  });
  test('a directory instead of a file', async () => {
    const r = await runPlacement(['analyze', 'scenarios']);
    expect([r.code, r.stderr]).toEqual([2, 'placement: scenarios: is a directory, expected a file\n']);
  });
  test('a missing history file is named relative to where the user runs', async () => {
    const r = await runPlacement(
      ['analyze', scenarioFile('nohist.yaml', GOOD.replace('{assumed: 0.5}', '{source: gone.csv}'))],
      {
        cwd: tmp,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('placement: gone.csv: no such file\n');
  });
  test('a bad row in the history names its line and column', async () => {
    writeFileSync(join(tmp, 'bad.csv'), 'timestamp,utilization\n2026-01-01T00:00:00Z,0.5\n2026-01-01T01:00:00Z,1.7\n');
    const r = await runPlacement(
      ['analyze', scenarioFile('badrow.yaml', GOOD.replace('{assumed: 0.5}', '{source: bad.csv, unit: fraction}'))],
      { cwd: tmp },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^placement: bad\.csv:3: 1\.7 is above 1 but the unit is fraction/);
  });
  test.each([
    [['analyze', 'scenarios/rag-enterprise.yaml', '--thresholds', '40,60'], /write 40 % as 0\.4/],
    [['analyze', 'scenarios/rag-enterprise.yaml', '--window', 'ten'], /whole number of days/],
    [
      ['analyze', 'scenarios/rag-enterprise.yaml', '--format', 'xml'],
      /argument 'xml' is invalid\. Allowed choices are table, json, markdown/,
    ],
    [['analyze', 'scenarios/rag-enterprise.yaml', '--colour'], /unknown option '--colour'/],
    [['analyse', 'scenarios/rag-enterprise.yaml'], /unknown command 'analyse'/],
    [['analyze'], /missing required argument 'scenario'/],
  ])('command line %j', async (args, pattern) => {
    const r = await runPlacement(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
  });
  test('no command: usage on stderr, exit 2', async () => {
    const r = await runPlacement([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: placement');
  });
});

describe('options', () => {
  test('--version and --help exit 0; help has an example', async () => {
    const v = await runPlacement(['--version']);
    expect([v.code, v.stdout.trim()]).toEqual([0, JSON.parse(readFileSync('package.json', 'utf8')).version]);
    const h = await runPlacement(['analyze', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    expect(h.stdout).toContain('--thresholds');
  });
  test('--thresholds and --window override the scenario', async () => {
    const r = JSON.parse(
      (
        await runPlacement([
          'analyze',
          'scenarios/rag-enterprise.yaml',
          '--json',
          '--thresholds',
          '0.65,0.5',
          '--window',
          '30',
        ])
      ).stdout,
    );
    expect(r.thresholds.map((t: { utilization: unknown }) => t.utilization)).toEqual([0.5, 0.65, 'measured']);
    expect(r.utilization.window.days).toBe(30);
    expect(Object.keys(r.utilization.sustainedDays)).toEqual(['0.4', '0.5', '0.6', '0.65', '0.7']);
  });
  test('--format markdown: the verdict, the threshold table and the reasons', async () => {
    const r = await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('## Placement: rag-enterprise');
    expect(r.stdout.split('\n')[2]).toBe('**hybrid-burst · firm · rag-enterprise**  ');
    expect(r.stdout.split('\n')[3]).toMatch(/^\*\*Reserve 16 GPUs for 12 months at \$4\.92\/GPU-h/);
    expect(r.stdout).not.toMatch(/MODEL\.md|§/);
    expect(r.stdout).toContain('| option | 40% | 60% | 70% | measured |');
    expect(r.stdout).toContain('|---|---:|---:|---:|---:|');
    expect(r.stdout).toMatch(
      /^- At the measured profile the reserved plan costs \$69,437 a month against \$89,961 for cloud on-demand$/m,
    );
    expect(r.stdout).toMatch(
      /^- Reserving 16 GPUs minimises the measured month: on-demand carries 12\.1% of the busy GPU-hours/m,
    );
  });
  test('--format json equals --json', async () => {
    const a = JSON.parse(
      (await runPlacement(['analyze', 'scenarios/burst-inference.yaml', '--format', 'json'])).stdout,
    );
    const b = JSON.parse((await runPlacement(['analyze', 'scenarios/burst-inference.yaml', '--json'])).stdout);
    delete a.generatedAt;
    delete b.generatedAt;
    expect(a).toEqual(b);
  });
  test('--out writes the file atomically and leaves nothing else behind', async () => {
    const dir = join(tmp, 'out');
    mkdirSync(dir);
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    const r = await runPlacement(['analyze', 'scenarios/burst-inference.yaml', '--json', '--out', out]);
    // Quiet on success (cron mails any output); --verbose says what was written.
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(
      (await runPlacement(['--verbose', 'analyze', 'scenarios/burst-inference.yaml', '--json', '--out', out])).stderr,
    ).toBe(`placement: wrote ${out}\n`);
    expect(
      (await runPlacement(['analyze', 'scenarios/burst-inference.yaml', '--json', '--out', out, '--verbose'])).stderr,
    ).toBe(`placement: wrote ${out}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8')).verdict.placement).toBe('hybrid-burst');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
  test('--out into a folder that does not exist: exit 2, nothing written', async () => {
    const r = await runPlacement([
      'analyze',
      'scenarios/burst-inference.yaml',
      '--out',
      join(tmp, 'no/such/dir/r.txt'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: its folder does not exist/);
    expect(existsSync(join(tmp, 'no'))).toBe(false);
  });
});

describe('stdin', () => {
  test('utilization history piped in with source "-"', async () => {
    const rows = ['timestamp,utilization'];
    for (let h = 0; h < 24 * 10; h++)
      rows.push(`${new Date(Date.UTC(2026, 9, 1) + h * 3_600_000).toISOString()},${h % 24 < 12 ? 80 : 40}`);
    const file = scenarioFile('stdin.yaml', GOOD.replace('{assumed: 0.5}', '{source: "-"}'));
    const r = cli(['analyze', file, '--json'], { input: `${rows.join('\n')}\n` });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.utilization.input).toMatchObject({ source: '-', unit: 'percent', rows: 240 });
    expect(report.utilization.mean).toBeCloseTo(0.6, 12);
    expect(report.utilization.consistent).toBeCloseTo(0.4, 12);
  });
});
