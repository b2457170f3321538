import { describe, expect, test } from 'vitest';
import { workerDecision } from '../../../src/cli/monte-carlo-threads.js';

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
