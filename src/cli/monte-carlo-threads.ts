/**
 * Monte Carlo on several cores (aiming at 100 000 trials in under a second). The trials are cut
 * into blocks; this thread and the worker threads take blocks from a shared counter until none
 * are left. Each block has its own seeded stream and the blocks are put back in order, so the
 * result is the same for any number of threads.
 */
import { availableParallelism } from 'node:os';
import type { Measurement } from '../model/analysis/analyze.js';
import { BLOCK_TRIALS, monteCarlo, summarizeTrials, type MonteCarlo } from '../model/uncertainty/monte-carlo.js';
import { takeBlocks, type BlockJob, type DoneBlock } from './monte-carlo-blocks.js';

/** Below this many trials one thread finishes before another has loaded the model (about 50 ms). */
export const PARALLEL_FROM = 20_000;

/**
 * `--jobs N` runs on N threads from the start. Without it ('auto'), up to one per core, started
 * only when the run is long enough to repay them: a worker spends about 0.3 s loading and
 * compiling the model before its first useful block, and while it does, its compiler and
 * garbage collector slow this thread down. Measured on 2 vCPUs, whole processes: 100 000 flat
 * trials 0.96–1.00 s on one thread, 1.09–1.11 s on two; 300 000 with growth 3.7–4.0 s on one,
 * 2.9–3.0 s on two. So this thread runs alone for LOOK_AFTER_MS, then starts the workers only if
 * what is left, at its pace over its last blocks, would take more than WORTH_WORKERS_MS.
 */
export type Jobs = number | 'auto';
const LOOK_AFTER_MS = 400;
const WORTH_WORKERS_MS = 1000;
/** Blocks the pace is measured over. */
const PACE_BLOCKS = 3;

const WORKER = new URL('./monte-carlo-worker.js', import.meta.url);

async function inWorker(measurement: Measurement, job: BlockJob): Promise<DoneBlock[]> {
  // Loaded when threads are used: a run that needs none does not load the threads module.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { ...job, measurement } });
    worker.once('message', (done: DoneBlock[]) => resolve(done));
    worker.once('error', reject);
    // After a message this does nothing; before one, the worker died without its trials.
    worker.once('exit', (code) =>
      reject(new Error(`Monte Carlo worker stopped (exit code ${code}) before posting its trials`)),
    );
  });
}

/**
 * After this thread's blocks ending at `ends` (ms from its start), with `blocksLeft` not yet
 * taken: start the workers, run alone to the end, or wait for more blocks to decide.
 */
export function workerDecision(ends: ReadonlyArray<number>, blocksLeft: number): 'start' | 'alone' | 'wait' {
  const now = ends[ends.length - 1] ?? 0;
  if (now < LOOK_AFTER_MS || ends.length <= PACE_BLOCKS) return 'wait';
  const pace = (now - (ends[ends.length - 1 - PACE_BLOCKS] as number)) / PACE_BLOCKS;
  return blocksLeft * pace > WORTH_WORKERS_MS ? 'start' : 'alone';
}

export async function runMonteCarlo(
  m: Measurement,
  trials: number,
  seed: number,
  jobs: Jobs = 'auto',
): Promise<MonteCarlo> {
  const blocks = Math.ceil(trials / BLOCK_TRIALS);
  const threads = Math.min(jobs === 'auto' ? availableParallelism() : jobs, blocks);
  if (threads <= 1 || trials < PARALLEL_FROM) return monteCarlo(m, trials, seed);
  const job: BlockJob = { trials, seed, next: new Int32Array(new SharedArrayBuffer(4)) };
  let others: Promise<DoneBlock[][]> | null = null;
  const startWorkers = (): void => {
    others = Promise.all(Array.from({ length: threads - 1 }, () => inWorker(m, job)));
    others.catch(() => undefined); // observed below; not an unhandled rejection while this thread works
  };
  // Decided once: what is left only shrinks, and a late start costs more than it gives.
  let decided = jobs !== 'auto';
  if (decided) startWorkers();
  const t0 = performance.now();
  const ends: number[] = [];
  const mine = await takeBlocks(m, job, () => {
    if (decided) return;
    ends.push(performance.now() - t0);
    const decision = workerDecision(ends, blocks - Atomics.load(job.next, 0));
    if (decision === 'wait') return;
    decided = true;
    if (decision === 'start') startWorkers();
  });
  const done = [...mine, ...(await (others ?? Promise.resolve([]))).flat()].sort((a, b) => a.block - b.block);
  return summarizeTrials(
    m.billed.uncertain,
    seed,
    done.map((d) => d.columns),
  );
}
