import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// The README's commands, run in the order printed, in a fresh clone, as a new user would: install
// (which puts the bare `placement` on the PATH), the two commands, the walkthrough from an
// nvidia-smi capture to a decision to the quarterly job. Two stand-ins, both said here: `npm link`
// installs into a prefix of the test's own (not the machine's), and `nvidia-smi`, which needs a
// GPU, prints an export in its own CSV format instead of sampling one. `npm test` is the suite
// running this test, so it is not run again.
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const haveGit = spawnSync('git', ['--version']).status === 0;

/** A block's commands: comments dropped, continued lines joined. */
function commands(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** 95 days of ten-minute samples from 8 GPUs (the fleet `init --yes` describes), as `nvidia-smi --query-gpu=timestamp,index,utilization.gpu --format=csv` prints them. */
function nvidiaSmiExport(): string {
  const rows = ['timestamp, index, utilization.gpu [%]'];
  const end = Date.UTC(2026, 10, 20);
  for (let t = end - 95 * 86_400_000; t < end; t += 600_000) {
    const stamp = new Date(t).toISOString().slice(0, 23).replaceAll('-', '/').replace('T', ' ');
    for (let g = 0; g < 8; g++) rows.push(`${stamp}, ${g}, ${60 + ((g * 7 + t / 600_000) % 25)} %`);
  }
  return `${rows.join('\n')}\n`;
}

describe.skipIf(!haveGit)('the README, as printed, from a fresh clone', () => {
  test('install, the two commands, the walkthrough, the quarterly job', { timeout: 600_000 }, () => {
    const tmp = tempDir('placement-readme-');
    const clone = join(tmp, 'placement');
    execFileSync('git', ['clone', '-q', REPO, clone]);
    const prefix = join(tmp, 'prefix');
    const stubs = join(tmp, 'stubs');
    mkdirSync(stubs);
    writeFileSync(join(tmp, 'capture.csv'), nvidiaSmiExport());
    writeFileSync(join(stubs, 'nvidia-smi'), `#!/bin/sh\ncat "${join(tmp, 'capture.csv')}"\n`);
    chmodSync(join(stubs, 'nvidia-smi'), 0o755);
    const env = {
      ...process.env,
      PATH: `${join(prefix, 'bin')}:${stubs}:${process.env.PATH}`,
      npm_config_prefix: prefix,
      NO_COLOR: '1',
      TZ: 'UTC',
    };
    const sh = (command: string) => {
      const r = spawnSync('/bin/sh', ['-c', command], { cwd: clone, env, encoding: 'utf8', timeout: 300_000 });
      return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
    };

    const ran: string[] = [];
    for (const block of blocks) {
      if (block.startsWith('#!/bin/sh')) {
        // The quarterly job: a script to save beside the scenario, as the README says.
        writeFileSync(join(clone, 'review.sh'), block);
        continue;
      }
      for (const command of commands(block)) {
        if (command.startsWith('$ ')) continue; // a transcript, not a command
        if (command === 'npm test') continue; // the suite running this test
        const r = sh(command);
        ran.push(command);
        expect(r.code, `${command}\n${r.err}`).toBe(0);
        if (command === 'npm start') expect(r.out).toMatch(/^dedicated-reserved · firm · stable-high-volume$/m);
        if (
          command.startsWith('placement analyze my-inference.yaml --utilization util.csv') &&
          !command.includes('--json')
        ) {
          expect(r.out.split('\n')[0]).toMatch(/ · firm · my-inference$/);
        }
        if (command.startsWith('sh review.sh')) expect([r.out, r.err]).toEqual(['', '']);
        if (command.startsWith('placement history')) expect(r.out).toContain('nearest to firing');
      }
    }
    // The bare command came from the install, not from the clone's bin.
    expect(existsSync(join(prefix, 'bin', 'placement'))).toBe(true);
    expect(ran).toEqual(
      expect.arrayContaining([
        'npm install',
        'npm link',
        'npm start',
        'placement init my-inference.yaml --yes',
        'sh review.sh',
      ]),
    );
    expect(existsSync(join(clone, 'decision.json'))).toBe(true);
  });
});
