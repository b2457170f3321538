import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.js';
import { recordingIo } from '../helpers/cli.js';

// Every command on every bundled scenario, laid out as for a terminal of 80 and of 120 columns
// (the same code path: a terminal's width, stdout a terminal), in-process.
const tmp = mkdtempSync(join(tmpdir(), 'placement-views-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const terminal = (width: number) => recordingIo({ now: () => Date.UTC(2026, 10, 26), width, stdoutTTY: true });
/** What a command shows: stdout, laid out for the terminal, and stderr (one line a problem, never wrapped). */
async function shown(argv: string[], width: number): Promise<{ out: string; err: string }> {
  const io = terminal(width);
  await run(argv, io);
  return { out: io.out, err: io.err };
}

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `scenarios/${f}`);
const DATA = readdirSync('scenarios/data').map((f) => `scenarios/data/${f}`);
const COMMANDS = [
  'analyze',
  'review',
  'check',
  'schedule',
  'sensitivity',
  'simulate',
  'inspect',
  'init',
  'history',
  'prices',
  'validate',
  'schema',
  'completion',
];

/** Words of the authors, not of the user: the model contract's file, section signs, seed and issue numbers, the report's JSON paths. */
const FORBIDDEN =
  /MODEL\.md|§|\bseed 0\d\d\b|\bissue \d+\b|(?<![\w./-])(utilization|tokens|traffic|onprem|reserved|latency|verdict|repatriation)\.(?!gpu\b|memory\b)[a-z]/;

async function everyView(width: number): Promise<Array<[string, { out: string; err: string }]>> {
  const views: Array<[string, { out: string; err: string }]> = [];
  const add = async (argv: string[]): Promise<void> => {
    views.push([argv.join(' '), await shown(argv, width)]);
  };
  const history = join(tmp, `reviews-${width}.ndjson`);
  for (const s of SCENARIOS) {
    await add(['analyze', s]);
    await add(['analyze', s, '--details']);
    await add(['review', s, '--history', history]);
    await add(['check', s]);
    await add(['schedule', s]);
    await add(['sensitivity', s]);
    await add(['validate', s]);
  }
  await add(['simulate', 'scenarios/uncertain-prices.yaml', '--trials', '1000']);
  for (const d of DATA) await add(['inspect', d]);
  await add(['history', history]);
  await add(['prices']);
  await add(['prices', 'h100']);
  await add(['--help']);
  for (const c of COMMANDS) await add([c, '--help']);
  await add(['init', join(tmp, `new-${width}.yaml`), '--yes']);
  // Mistakes a user makes: a missing file, a typo, a bad option.
  await add(['analyze', 'no-such.yaml']);
  await add(['analyze', 'scenarios/stable-high-volume.yaml', '--window', 'ninety']);
  await add(['review', 'scenarios/stable-high-volume.yaml', '--previous', 'no-such.json']);
  return views;
}

describe.each([80, 120])('at %i columns', (width) => {
  test('no line of any view is wider', { timeout: 120_000 }, async () => {
    const over: string[] = [];
    for (const [what, { out }] of await everyView(width)) {
      for (const line of out.split('\n')) if ([...line].length > width) over.push(`${what}: ${line}`);
    }
    expect(over).toEqual([]);
  });
});

test("no author's words reach the user: output, help, errors, init", { timeout: 120_000 }, async () => {
  const found: string[] = [];
  for (const [what, { out, err }] of await everyView(80)) {
    for (const line of `${out}\n${err}`.split('\n')) if (FORBIDDEN.test(line)) found.push(`${what}: ${line}`);
  }
  expect(found).toEqual([]);
});

test("every command's help has an example; the top-level help names a first command", async () => {
  for (const c of COMMANDS) expect((await shown([c, '--help'], 80)).out, c).toMatch(/\n {2}\$ placement /);
  expect((await shown(['--help'], 80)).out).toContain('$ placement analyze scenarios/stable-high-volume.yaml');
});
