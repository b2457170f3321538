import { describe, expect, test } from 'vitest';
import { workerDecision } from '../../../src/cli/monte-carlo-threads.js';
import { takeBlocks } from '../../../src/cli/monte-carlo-blocks.js';
import { measure } from '../../../src/model/analysis/analyze.js';
import { parseScenarioText } from '../../../src/input/scenario/parse-scenario.js';

describe('when a Monte Carlo run starts worker threads on its own (no --jobs)', () => {
  test('it waits for 400 ms of blocks and more than three of them', () => {
    expect(workerDecision([100, 200, 399], 1000)).toBe('wait');
    expect(workerDecision([390, 400, 410], 1000)).toBe('wait');
  });
  test('then starts them only if the blocks left take over a second at the pace of the last three', () => {
    // Pace: (410 − 110) / 3 = 100 ms a block.
    const ends = [110, 300, 380, 410];
    expect(workerDecision(ends, 11)).toBe('start'); // 1.1 s left
    expect(workerDecision(ends, 10)).toBe('alone'); // 1.0 s left: not more than a second
    // The slow first blocks (a cold start) do not count: only the last three do.
    expect(workerDecision([350, 360, 370, 380, 410], 40)).toBe('alone'); // (410 − 360) / 3 ≈ 16.7 ms × 40 = 0.67 s
  });
});

describe('a thread taking blocks', () => {
  test('gives its event loop a turn after each block, so that a worker starting beside it gets blocks', async () => {
    const scenario = parseScenarioText(
      `schemaVersion: 1
name: mc
workload: {referenceGpus: 10, utilization: {assumed: {uniform: [0.4, 0.6]}}}
options:
  cloud: {onDemandPerGpuHour: 3}
`,
      'mc.yaml',
    );
    const m = measure({ scenario, utilizationHours: null, tokenDays: null, now: 0 });
    const job = { trials: 5000, seed: 1, next: new Int32Array(new SharedArrayBuffer(4)) };
    // What a worker's start needs of this thread's loop, standing in for the worker: a turn, in
    // which it takes a block. A thread that ran its blocks back to back would leave it none.
    let other = -1;
    setImmediate(() => (other = Atomics.add(job.next, 0, 1)));
    const mine = await takeBlocks(m, job);
    expect(other).toBe(1);
    expect(mine.map((d) => d.block)).toEqual([0, 2, 3, 4]);
  });
});
