import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

// Monte Carlo on worker threads, which load the built code: the real bin, past the point where
// workers start. In the slow project: each run is 25,000 trials.
describe('placement simulate on several threads', () => {
  test('worker threads give the same trials as one thread (25 000 trials: past the point where workers start)', () => {
    const run = (jobs: string) =>
      cli([
        'simulate',
        'scenarios/uncertain-prices.yaml',
        '--trials',
        '25000',
        '--seed',
        '3',
        '--jobs',
        jobs,
        '--json',
      ]);
    const one = run('1');
    expect([one.code, one.stderr]).toEqual([0, '']);
    // 3 threads on 25 blocks of 1,000: runs of 8, 8 and 9 blocks.
    expect(run('3').stdout).toBe(one.stdout);
    const confidence = (jobs: string) =>
      JSON.parse(
        cli(['analyze', 'scenarios/uncertain-prices.yaml', '--trials', '25000', '--jobs', jobs, '--json']).stdout,
      ).verdict.confidence;
    expect(confidence('2')).toEqual(confidence('1'));
  });
});
