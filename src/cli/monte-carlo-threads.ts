/**
 * Monte Carlo on every core (issue 7: 100 000 trials in under a second). Trials are cut into
 * contiguous runs of whole blocks; this thread runs the first while worker threads run the rest.
 * Each block has its own seeded stream, so the result is the same for any number of threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Measurement } from '../core/analyze.js';
import { BLOCK_TRIALS, monteCarlo, runTrials, summarizeTrials, type MonteCarlo, type TrialColumns } from '../core/monte-carlo.js';

/** Below this many trials one thread finishes before another has loaded the model (about 50 ms). */
export const PARALLEL_FROM = 20_000;

/** Threads when --jobs is not given: one per core. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

const WORKER = new URL('./monte-carlo-worker.js', import.meta.url);

function inWorker(measurement: Measurement, seed: number, first: number, count: number): Promise<TrialColumns> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { measurement, seed, first, count } });
    worker.once('message', (columns: TrialColumns) => resolve(columns));
    worker.once('error', reject);
    // After a message this does nothing; before one, the worker died without its trials.
    worker.once('exit', (code) => reject(new Error(`Monte Carlo worker stopped (exit code ${code}) before posting its trials`)));
  });
}

export async function runMonteCarlo(m: Measurement, trials: number, seed: number, jobs: number): Promise<MonteCarlo> {
  const blocks = Math.ceil(trials / BLOCK_TRIALS);
  const threads = Math.min(jobs, blocks);
  if (threads <= 1 || trials < PARALLEL_FROM) return monteCarlo(m, trials, seed);
  const runs = Array.from({ length: threads }, (_, k) => {
    const first = Math.floor((blocks * k) / threads) * BLOCK_TRIALS;
    const end = Math.min(trials, Math.floor((blocks * (k + 1)) / threads) * BLOCK_TRIALS);
    return { first, count: end - first };
  });
  const [own, ...others] = runs as [{ first: number; count: number }, ...Array<{ first: number; count: number }>];
  const pending = Promise.all(others.map((r) => inWorker(m, seed, r.first, r.count)));
  pending.catch(() => undefined); // observed below; not an unhandled rejection while this thread works
  const mine = runTrials(m, seed, own.first, own.count);
  return summarizeTrials(m.billed.uncertain, seed, [mine, ...(await pending)]);
}
