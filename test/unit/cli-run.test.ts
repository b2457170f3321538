import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.js';
import { recordingIo } from '../helpers/cli.js';

const io = (now: () => number = () => Date.UTC(2026, 10, 22)) => recordingIo({ now });

describe('run() exit codes (MODEL.md §11), in-process', () => {
  test('0 and the report for a bundled scenario', async () => {
    const x = io();
    expect(await run(['analyze', 'scenarios/burst-inference.yaml', '--json'], x)).toBe(0);
    const report = JSON.parse(x.out);
    expect(report.generatedAt).toBe('2026-11-22T00:00:00.000Z');
    expect(report.tool).toEqual({ name: 'placement', version: '9.9.9' });
  });
  test('1 for our own fault: says it is a bug, no stack without --debug', async () => {
    const x = io(() => {
      throw new Error('clock exploded');
    });
    expect(await run(['analyze', 'scenarios/burst-inference.yaml'], x)).toBe(1);
    expect(x.err).toContain('placement: internal error: clock exploded');
    expect(x.err).toContain('please report it');
    expect(x.err).not.toMatch(/\n\s+at /);
    const d = io(() => {
      throw new Error('clock exploded');
    });
    expect(await run(['analyze', 'scenarios/burst-inference.yaml', '--debug'], d)).toBe(1);
    expect(d.err).toMatch(/\n\s+at /);
  });
  test('colour only when asked for', async () => {
    const plain = io();
    await run(['analyze', 'scenarios/burst-inference.yaml'], plain);
    expect(plain.out).not.toMatch(/\u001b\[/);
    const tty = { ...io(), colour: true };
    let out = '';
    tty.stdout = (t: string) => {
      out += t;
    };
    await run(['analyze', 'scenarios/burst-inference.yaml'], tty);
    expect(out).toMatch(/\u001b\[/);
  });
});
