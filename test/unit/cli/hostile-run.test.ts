import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../src/cli/main.js';
import { recordingIo } from '../../helpers/cli.js';
import { excerpt } from '../../../src/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Hostile inputs run in-process: each exits 2 with a clean line, and what the user has is kept.
const tmp = tempDir('placement-hostile-');
const SCENARIO = 'scenarios/burst-inference.yaml';

async function placement(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const x = recordingIo();
  const code = await run(argv, x);
  return { code, out: x.out, err: x.err };
}
const scenario = (extra: string) => {
  const file = join(tmp, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `schemaVersion: 1\nname: h\n${extra}workload: {referenceGpus: 8, utilization: {assumed: 0.5}}\noptions: {cloud: {onDemandPerGpuHour: 3}, dedicated: {perGpuHour: 2.35, termMonths: 12}}\n`,
  );
  return file;
};

describe('command-line values', () => {
  test.each(['0x10', '0b11', 'Infinity', ' ', '1e400'])('--window %j is refused: decimal numbers only', async (w) => {
    const r = await placement('analyze', SCENARIO, '--window', w);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/expected a whole number of days from 1 to 3660/);
  });
  test('--window 1e2 is a hundred days', async () => {
    expect((await placement('analyze', SCENARIO, '--window', '1e2', '--json')).code).toBe(0);
  });
  test.each([
    [['analyze', SCENARIO, '--window', '\u001b[31m5']],
    [['analyze', SCENARIO, '--\u001b[31mx']],
    [['completion', '\u001b]0;title\u0007']],
  ])('terminal escapes typed on the command line are not echoed raw: %j', async (argv) => {
    const r = await placement(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\?\[31m|\?\]0;title\?/);
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('scenarios', () => {
  test.each([
    ['!!js/function "function () {}"', 3, 4],
    ['!custom h', 3, 4],
  ])('an unknown YAML tag (%s) is refused, not dropped', async (value, line, column) => {
    const file = scenario(`x: ${value}\n`);
    const r = await placement('analyze', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `placement: ${file}:${line}:${column}: an unknown YAML tag; a scenario holds plain numbers, strings, lists and mappings\n`,
    );
  });
  test.each(['termMonths: 100000000', 'termMonths: 2147483647'])(
    'a contract %s is refused at 600 months',
    async (term) => {
      const file = scenario('');
      writeFileSync(file, readFileSync(file, 'utf8').replace('termMonths: 12', term));
      const r = await placement('analyze', file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/options\.dedicated\.termMonths: must be ≤ 600/);
    },
  );
  test('a token-shaped value is not repeated in the message', async () => {
    const token = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const r = await placement('analyze', scenario(`horizonMonths: "${token}"\n`));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/horizonMonths/);
    expect(r.err).not.toContain('a1B2c3');
  });
});

describe('what a message quotes', () => {
  test.each([
    ['GITHUB_TOKEN=ghp_abc', 'GITHUB_TOKEN=…'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', 'Authorization: Bearer …'],
    ['key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY9 end', 'key … end'],
    ['GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e', 'GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e'],
    ['2026-06-13T11:00:00Z,0.55', '2026-06-13T11:00:00Z,0.55'],
    ['9'.repeat(30), '9'.repeat(30)],
  ])('%j → %j', (text, quoted) => {
    expect(excerpt(text, 80)).toBe(quoted);
  });
});

describe('reviews and their files', () => {
  test('a history that is not one is refused before anything is appended, even on a first review', async () => {
    const history = join(tmp, 'not-a-history.ndjson');
    writeFileSync(history, 'garbage\n');
    const r = await placement('review', SCENARIO, '--history', history);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a review history/);
    expect(readFileSync(history, 'utf8')).toBe('garbage\n');
  });
  test('a previous report whose verdict is no placement is refused, naming the field', async () => {
    const good = await placement('analyze', SCENARIO, '--json');
    const report = JSON.parse(good.out);
    report.verdict.placement = 'TOKEN=abc';
    const file = join(tmp, 'odd-placement.json');
    writeFileSync(file, JSON.stringify(report));
    const r = await placement('review', SCENARIO, '--previous', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/odd-placement\.json: verdict\.placement: the previous report is damaged/);
    expect(r.err).not.toContain('abc');
  });
  test('a save-report that fails at commit (/dev/full) leaves the history as it was', async () => {
    const history = join(tmp, 'kept.ndjson');
    const r = await placement('review', SCENARIO, '--history', history, '--save-report', '/dev/full');
    expect(r.code).toBe(2);
    expect(r.err).toBe('placement: /dev/full: --save-report: the disk is full: nothing was written\n');
    expect(() => readFileSync(history, 'utf8')).toThrow();
  });
  test('--out through a symbolic link writes the file it points to and keeps the link', async () => {
    const target = join(tmp, 'target.json');
    const link = join(tmp, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    expect((await placement('analyze', SCENARIO, '--json', '--out', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).scenario.name).toBe('burst-inference');
  });
});
