import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli, expectCleanError, REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// What the tool writes never destroys what is there: a failed run leaves every file as it was,
// a device or FIFO stays one, a full disk is a clear exit 2.
const tmp = tempDir('placement-write-');
const scenario = join(REPO, 'scenarios', 'stable-high-volume.yaml');
const previous = join(tmp, 'previous.json');
cli(['analyze', scenario, '--json', '--out', previous]);

/** A 256 KiB tmpfs, as root; null (and the tests skipped, with a note) where it cannot be mounted. */
function smallDisk(): string | null {
  const dir = join(tmp, 'tiny');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    console.warn('write-safety: cannot mount a small tmpfs here (needs root); the full-disk tests are skipped');
    return null;
  }
  afterAll(() => execFileSync('umount', [dir], { stdio: 'ignore' }));
  return dir;
}
const disk = smallDisk();

/** Fill the disk to the last byte. */
function fill(dir: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'ballast')}`, 'bs=4k'], { stdio: 'ignore' });
  } catch {
    // dd stops with "No space left on device": that is the point.
  }
}

describe('outputs onto things that are not regular files', () => {
  test('--out /dev/null writes into the device and leaves it a device', () => {
    const r = cli(['analyze', scenario, '--out', '/dev/null']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  test('--out /dev/full: the disk is full, exit 2', () => {
    const r = cli(['analyze', scenario, '--out', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('placement: /dev/full: --out: the disk is full: nothing was written\n');
  });
  test('--out under a plain file: exit 2 naming the path', () => {
    const plain = join(tmp, 'plain');
    writeFileSync(plain, 'keep');
    const r = cli(['analyze', scenario, '--out', join(plain, 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain\/report\.txt: --out: a part of the path is a file, not a folder/);
    expectCleanError(r.stderr);
  });
  test('--out a directory: refused', () => {
    const r = cli(['analyze', scenario, '--out', tmp]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: is a directory; name a file/);
  });
  test.skipIf(process.platform === 'win32')('--out a FIFO: the report goes down the pipe, the FIFO stays', async () => {
    const fifo = join(tmp, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => {
      got += d.toString();
    });
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = cli(['analyze', scenario, '--out', fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(got).toMatch(/^[a-z-]+ · /);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

test('a device that never ends as the history or the previous report: refused at 64 MiB', () => {
  for (const flag of ['--history', '--previous']) {
    const args =
      flag === '--previous' ? ['--previous', '/dev/zero'] : ['--previous', previous, '--history', '/dev/zero'];
    const r = cli(['review', scenario, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`/dev/zero: ${flag}: is larger than 64 MiB`));
  }
});

describe('a review writes all of its outputs or none', () => {
  test('an unwritable --out: neither --save-report nor --history is touched', () => {
    const saved = join(tmp, 'saved.json');
    const history = join(tmp, 'history.jsonl');
    writeFileSync(saved, '{"kept": true}\n');
    writeFileSync(history, '');
    const r = cli([
      'review',
      scenario,
      '--previous',
      previous,
      '--save-report',
      saved,
      '--history',
      history,
      '--out',
      join(tmp, 'no-such-dir', 'view.txt'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/view\.txt: --out: its folder does not exist/);
    expect(readFileSync(saved, 'utf8')).toBe('{"kept": true}\n');
    expect(readFileSync(history, 'utf8')).toBe('');
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
  test('a history that cannot be appended: the saved report is not replaced', () => {
    const saved = join(tmp, 'saved2.json');
    writeFileSync(saved, '{"kept": true}\n');
    const r = cli([
      'review',
      scenario,
      '--previous',
      previous,
      '--save-report',
      saved,
      '--history',
      join(tmp, 'gone', 'h.jsonl'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/h\.jsonl: --history: its folder does not exist/);
    expect(readFileSync(saved, 'utf8')).toBe('{"kept": true}\n');
  });
});

describe('reviews appending to one history at once', () => {
  test('six concurrent runs: six whole entries, none torn', async () => {
    const history = join(tmp, 'shared-history.jsonl');
    const bin = join(REPO, 'bin', 'placement.js');
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [bin, 'review', scenario, '--previous', previous, '--history', history],
            { stdio: 'ignore' },
          );
          child.on('close', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    const read = cli(['history', history, '--json']);
    expect(read.code).toBe(0);
    const h = JSON.parse(read.stdout);
    expect([h.entries.length, h.skipped]).toEqual([6, []]);
    expect(
      readFileSync(history, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(6);
  });
});

describe('a review killed at any moment', () => {
  test('SIGKILL: the saved report and the history are always the old or the new, whole', async () => {
    const saved = join(tmp, 'killed-report.json');
    const history = join(tmp, 'killed-history.jsonl');
    writeFileSync(saved, readFileSync(previous));
    const bin = join(REPO, 'bin', 'placement.js');
    for (let i = 0; i < 8; i++) {
      const child = spawn(
        process.execPath,
        [bin, 'review', scenario, '--previous', previous, '--save-report', saved, '--history', history],
        { stdio: 'ignore' },
      );
      const done = new Promise((resolve) => child.on('close', resolve));
      // From early in the run to about when it writes (a run takes ~0.4 s here).
      setTimeout(() => child.kill('SIGKILL'), 150 + i * 50);
      await done;
      expect(JSON.parse(readFileSync(saved, 'utf8')).scenario.name).toBe('stable-high-volume');
      const h = cli(['history', history, '--json']);
      if (h.code === 0) expect(JSON.parse(h.stdout).skipped).toEqual([]);
      else expect(h.stderr).toMatch(/no such file/);
    }
  });
});

test("a temporary copy left by a killed run is removed by the next; a live run's is left alone", () => {
  const out = join(tmp, 'orphans.txt');
  const dead = spawnSync('true').pid as number; // a process that has exited
  const orphan = join(tmp, `.orphans.txt.tmp-${dead}-deadbeef`);
  const live = join(tmp, `.orphans.txt.tmp-${process.pid}-cafebabe`);
  writeFileSync(orphan, 'half a report');
  writeFileSync(live, 'being written');
  const r = cli(['analyze', scenario, '--out', out]);
  expect(r.code).toBe(0);
  expect([existsSync(orphan), existsSync(live), existsSync(out)]).toEqual([false, true, true]);
});

describe.skipIf(disk === null)('a full disk', () => {
  const dir = disk as string;
  test.each([
    ['--save-report', 'saved.json'],
    ['--history', 'history.jsonl'],
    ['--out', 'view.txt'],
  ])('%s on a full disk: exit 2, the old file whole, no temporary left', (flag, name) => {
    const target = join(dir, name);
    // An empty history: on tmpfs a file's last page may have room for one more line.
    const before = flag === '--history' ? '' : 'the old one\n';
    writeFileSync(target, before);
    fill(dir);
    try {
      const r = cli(['review', scenario, '--previous', previous, flag, target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${target}: ${flag}: the disk is full`);
      expectCleanError(r.stderr);
      expect(readFileSync(target, 'utf8')).toBe(before);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    } finally {
      rmSync(join(dir, 'ballast'), { force: true });
    }
  });
});
