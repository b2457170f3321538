/**
 * Monte Carlo on every core (issue 7: 100 000 trials in under a second). The trials are cut into
 * blocks; this thread and the worker threads take blocks from a shared counter until none are
 * left. Each block has its own seeded stream and the blocks are put back in order, so the result
 * is the same for any number of threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Measurement } from '../core/analyze.js';
import { BLOCK_TRIALS, monteCarlo, summarizeTrials, type MonteCarlo } from '../core/monte-carlo.js';
import { takeBlocks, type BlockJob, type DoneBlock } from './monte-carlo-blocks.js';

/** Below this many trials one thread finishes before another has loaded the model (about 50 ms). */
export const PARALLEL_FROM = 20_000;

/** Threads when --jobs is not given: one per core. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

const WORKER = new URL('./monte-carlo-worker.js', import.meta.url);

function inWorker(measurement: Measurement, job: BlockJob): Promise<DoneBlock[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { ...job, measurement } });
    worker.once('message', (done: DoneBlock[]) => resolve(done));
    worker.once('error', reject);
    // After a message this does nothing; before one, the worker died without its trials.
    worker.once('exit', (code) => reject(new Error(`Monte Carlo worker stopped (exit code ${code}) before posting its trials`)));
  });
}

export async function runMonteCarlo(m: Measurement, trials: number, seed: number, jobs: number): Promise<MonteCarlo> {
  if (jobs <= 1 || trials < PARALLEL_FROM) return monteCarlo(m, trials, seed);
  const job: BlockJob = { trials, seed, next: new Int32Array(new SharedArrayBuffer(4)) };
  const threads = Math.min(jobs, Math.ceil(trials / BLOCK_TRIALS));
  const others = Promise.all(Array.from({ length: threads - 1 }, () => inWorker(m, job)));
  others.catch(() => undefined); // observed below; not an unhandled rejection while this thread works
  const done = [...takeBlocks(m, job), ...(await others).flat()].sort((a, b) => a.block - b.block);
  return summarizeTrials(m.billed.uncertain, seed, done.map((d) => d.columns));
}
