import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// The README's quarterly cron script, run exactly as printed there, from a fresh directory.
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const script = /```sh\n(#!\/bin\/sh\n# crontab:[\s\S]*?)```/.exec(readme)?.[1];

const dir = tempDir('placement-cron-');
const bin = join(dir, 'bin');
mkdirSync(bin);
// `placement` on the PATH, as `npm install -g` or `npm link` would put it.
writeFileSync(
  join(bin, 'placement'),
  `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin', 'placement.js')}" "$@"\n`,
);
chmodSync(join(bin, 'placement'), 0o755);
const job = join(dir, 'review.sh');
writeFileSync(job, script ?? 'exit 99\n');
chmodSync(job, 0o755);
writeFileSync(
  join(dir, 'my-inference.yaml'),
  `schemaVersion: 1
name: my-inference
workload:
  referenceGpus: 16
  utilization: {source: util.csv}
options:
  cloud: {onDemandPerGpuHour: 2.99}
  dedicated: {perGpuHour: 2.35}
`,
);
const DAY = 86_400_000;
const END = Date.UTC(2026, 9, 1);
/** 120 days of hourly history ending at END; day d (0 = oldest) at level(d). */
function history(level: (day: number) => number): void {
  const rows = ['timestamp,utilization'];
  for (let d = 0; d < 120; d++)
    for (let h = 0; h < 24; h++)
      rows.push(`${new Date(END - (120 - d) * DAY + h * 3_600_000).toISOString()},${level(d)}`);
  writeFileSync(join(dir, 'util.csv'), `${rows.join('\n')}\n`);
}
const run = () => {
  const r = spawnSync('/bin/sh', [job], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("the README's quarterly job", () => {
  test('is in the README', () => {
    expect(script).toMatch(/placement review my-inference\.yaml --decision decision\.json/);
  });
  test('three runs: the baseline, the same data, the data across a boundary — exit 0, 0, 3', () => {
    history(() => 0.75);
    const first = run();
    expect([first.code, first.stdout, first.stderr]).toEqual([0, '', '']);
    expect(existsSync(join(dir, 'decision.json'))).toBe(true);
    expect(readFileSync(join(dir, 'review.md'), 'utf8')).toMatch(
      /No decision in force yet: this review is the baseline, saved to decision\.json\. Verdict: dedicated-reserved\./,
    );

    const second = run();
    expect([second.code, second.stdout, second.stderr]).toEqual([0, '', '']);

    // The last 70 days at 35 %: consistent utilization falls under 40 %.
    history((d) => (d < 50 ? 0.75 : 0.35));
    const third = run();
    expect([third.code, third.stderr]).toEqual([3, '']);
    expect(third.stdout).toMatch(
      /\*\*● FIRING \(new\)\*\* Consistent utilization \(p20\) falls below 40 % → the verdict would become cloud-managed/,
    );
    expect(third.stdout).toContain('**Reopen the placement decision** (exit 3).');

    // The same crossing a quarter later is no new alarm: --fail-on new-trigger.
    const fourth = run();
    expect([fourth.code, fourth.stdout]).toEqual([0, '']);
    const lines = readFileSync(join(dir, 'reviews.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.exitCode)).toEqual([0, 0, 3, 0]);
    expect(lines[3].triggersFiring).toContain('consistent-below-40');
  });
});
