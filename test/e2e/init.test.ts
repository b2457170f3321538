import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-init-');
const BIN = join(REPO, 'bin', 'placement.js');
const DOWN = '\u001b[B';

function drive(
  argv: string[],
  steps: Array<[string, string]>,
): { code: number | null; output: string; stuck?: string } {
  const r = spawnSync(
    'python3',
    [
      join(REPO, 'test', 'helpers', 'pty-drive.py'),
      JSON.stringify({ argv: [process.execPath, BIN, ...argv], cwd: REPO, steps, timeout: 30 }),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(r.stdout);
}

describe('placement init', () => {
  test('through a real terminal, answering every prompt: the file validates and is analysed', async () => {
    const file = join(tmp, 'pty.yaml');
    const r = drive(
      ['init', file],
      [
        ['Which kind of workload', `${DOWN}${DOWN}${DOWN}\r`], // stable-high-volume → agentic
        ['Scenario name', 'pty-scenario\r'],
        ['Which accelerator', `${DOWN}${DOWN}${DOWN}\r`], // H100 → A100
        ['How many GPUs', '16\r'],
        ['Where does it run today', '\r'],
        ['GPU utilization history', 'scenarios/data/agentic-util.csv\r'],
        ['Token history', 'scenarios/data/agentic-tokens.csv\r'],
        ['Cloud on-demand price', '\r'],
        ['Reserved / dedicated price', '\r'],
        ['owning 8-GPU NVIDIA A100 servers', 'n\r'],
        ['sovereignty', '\r'],
        ['agentic', '\r'],
        ['Time-to-first-token', '\r'],
      ],
    );
    expect(r.stuck).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.output).toContain('detected csv');
    expect(r.output).toMatch(/hybrid-burst · (firm|PROVISIONAL) · pty-scenario/);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(REPO, 'dist', 'scenario.schema.json')}`);
    for (const s of [
      'name: "pty-scenario"',
      'referenceGpus: 16',
      'agentic: true',
      'onDemandPerGpuHour: {price: lambda/a100-80gb/on-demand}',
      'perGpuHour: {price: aws/p4de.24xlarge/reserved-1y}',
      '# detected: csv',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('onPrem:');
    expect((await runPlacement(['validate', file])).code).toBe(0);
  });
  test('a portfolio of models: each one asked for, the file has models, a sovereign one is placed apart', async () => {
    const file = join(tmp, 'portfolio.yaml');
    const r = drive(
      ['init', file],
      [
        ['Which kind of workload', `${DOWN.repeat(6)}\r`], // stable-high-volume → a portfolio
        ['Scenario name', 'estate\r'],
        ['Which accelerator', '\r'],
        ['How many models share the fleet', '2\r'],
        ['Model 1: its name', 'chat\r'],
        ['Model 1 \\(chat\\): how many GPUs', '32\r'],
        ['Model 1 \\(chat\\): its utilization history', 'scenarios/data/portfolio-chat-util.csv\r'],
        ['Model 1 \\(chat\\): GPUs kept warm', '8\r'],
        ['Model 1 \\(chat\\): must its data stay', '\r'],
        ['Model 1 \\(chat\\): is it agentic', '\r'],
        ['Model 2: its name', 'batch\r'],
        ['Model 2 \\(batch\\): how many GPUs', '16\r'],
        ['Model 2 \\(batch\\): its utilization history', '\r'],
        ['Model 2 \\(batch\\): without history', '0.3\r'],
        ['Model 2 \\(batch\\): GPUs kept warm', '\r'],
        ['Model 2 \\(batch\\): must its data stay', 'y\r'],
        ['Model 2 \\(batch\\): is it agentic', '\r'],
        ['Where does it run today', '\r'],
        ['Token history', '\r'],
        ['Cloud on-demand price', '\r'],
        ['Reserved / dedicated price', '\r'],
        ['owning 8-GPU', '\r'],
        ['Time-to-first-token', '\r'],
      ],
    );
    expect(r.stuck).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.output).toContain('Portfolio: 2 models, 1 placed apart');
    const text = readFileSync(file, 'utf8');
    for (const s of [
      'models:',
      '  - name: "chat"',
      '    referenceGpus: 32',
      '    warmFloorGpus: 8',
      '      assumed: 0.3',
      '    constraints: {sovereignty: true, agentic: false}',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/^ {2}referenceGpus:/m);
    expect((await runPlacement(['validate', file])).code).toBe(0);
  });
  test('Ctrl-C leaves nothing written', () => {
    const file = join(tmp, 'cancelled.yaml');
    const r = drive(['init', file], [['Which kind of workload', '\u0003']]);
    expect(r.code).toBe(130);
    expect(r.output).toContain('init cancelled; nothing written');
    expect(existsSync(file)).toBe(false);
  });
  test('an existing file is kept unless you agree', async () => {
    const file = join(tmp, 'kept.yaml');
    expect((await runPlacement(['init', file, '--yes'])).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = drive(['init', file], [['exists. Overwrite it', '\r']]); // default: no
    expect(r.code).toBe(0);
    expect(r.output).toContain(`kept ${file}; nothing written`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
  test('--yes without a terminal: every default, a valid scenario, analysed; --force to overwrite', async () => {
    const file = join(tmp, 'defaults.yaml');
    const r = await runPlacement(['init', file, '--yes']);
    expect(r.code).toBe(0);
    // An assumed utilization only: the verdict is provisional, and says what would make it firm.
    expect(r.stdout.split('\n')[0]).toBe('dedicated-reserved · PROVISIONAL · defaults');
    expect(r.stdout).toContain('To make it firm: measure utilization');
    // Where it runs today is not assumed: --yes leaves it none, so there is no saving to report.
    expect(readFileSync(file, 'utf8')).toContain('currentPlacement: none');
    expect(r.stdout).not.toContain('Against today');
    expect((await runPlacement(['validate', file])).code).toBe(0);
    expect((await runPlacement(['init', file, '--yes'])).code).toBe(2);
    expect((await runPlacement(['init', file, '--yes', '--force'])).code).toBe(0);
    expect((await runPlacement(['init', join(tmp, 'no-tty.yaml')])).stderr).toMatch(
      /needs a terminal to ask its questions; use --yes/,
    );
  });
});
