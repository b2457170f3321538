import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { cli, REPO } from '../helpers/cli.js';

// The shipped bundle loads the RE2 engine only when a bill's GPU pattern is used, through its
// CommonJS build: this runs that path in the built command, as an installed one would.
const bill = fileURLToPath(
  new URL('../../../shared/data/real/focus-sample-data/focus_sample_odd_rows.csv', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'placement-bundle-'));
const scenario = (pattern: string): string => {
  const file = join(dir, `bill-${pattern.length}.yaml`);
  writeFileSync(
    file,
    [
      'schemaVersion: 1',
      'name: bill',
      'workload:',
      '  referenceGpus: 8',
      '  utilization: {assumed: 0.5}',
      `  billing: {source: ${JSON.stringify(bill)}, gpuPattern: ${JSON.stringify(pattern)}}`,
      'options:',
      '  cloud: {onDemandPerGpuHour: 2.99}',
    ].join('\n'),
  );
  return file;
};

describe('the built command with a bill', () => {
  test('a GPU pattern is compiled by RE2 and the bill read', () => {
    const r = cli(['analyze', scenario('p5|g6|a100'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).billing).not.toBeNull();
  });
  test('a pattern RE2 cannot run is refused with the field and a reason', () => {
    const r = cli(['analyze', scenario('(?=x)p5'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gpuPattern: not a regular expression this tool runs \(RE2 syntax/);
  });
});

describe('the built command answers --version before loading anything', () => {
  const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
  test.each([['--version'], ['-V']])('%s', (flag) => {
    expect(cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
  test('into a pipe closed before it writes: exit 0, nothing on stderr', () => {
    const r = spawnSync('sh', ['-c', `node '${join(REPO, 'bin', 'placement.js')}' --version | true`], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('the built command is read through its code cache', () => {
  const bundle = join(REPO, 'dist', 'bundle', 'main.cjs');
  test('the cache is there and V8 takes it', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(String(require(${JSON.stringify(join(REPO, 'bin', 'load-bundle.js'))}).loadBundle().cacheRejected))`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe('false');
  });
  test('--debug: the stack trace names the TypeScript sources (the source map applied)', () => {
    const r = cli(['analyze', join(dir, 'nowhere.yaml'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at loadScenario \(.*src\/input\/scenario\/load-scenario\.ts:\d+:\d+\)/);
  });
  test('no import() is left in the bundle: a script run by vm has no module loader to answer it', () => {
    expect(readFileSync(bundle, 'latin1')).not.toMatch(/\bimport\(\s*["'`]/);
  });
  test('a gzip history on stdin (Node’s zlib, required on first use)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `gzip -c '${join(REPO, 'scenarios', 'data', 'stable-high-volume-util.csv')}' | node '${join(REPO, 'bin', 'placement.js')}' inspect - --json`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ gzip: true, rows: 11_520 });
  });
});
