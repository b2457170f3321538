import type { Measurement } from '../model/analysis/analyze.js';
import { BLOCK_TRIALS, runTrials, type TrialColumns } from '../model/uncertainty/monte-carlo.js';

/** What every thread of a run shares: the trials, the seed, and the next block to take. */
export interface BlockJob {
  trials: number;
  seed: number;
  /** Int32Array over a SharedArrayBuffer: [next block]. */
  next: Int32Array;
}

export interface DoneBlock {
  block: number;
  columns: TrialColumns;
}

/**
 * Blocks taken one at a time from the shared counter until none are left: a thread that starts
 * late (a worker loading the model) or runs slow simply takes fewer. The thread gives its event
 * loop a turn after each block: a worker cannot start while the thread that made it never
 * returns to its loop (measured: a worker started beside 100 blocks run back to back took none).
 */
export async function takeBlocks(m: Measurement, job: BlockJob, afterBlock?: () => void): Promise<DoneBlock[]> {
  const blocks = Math.ceil(job.trials / BLOCK_TRIALS);
  const done: DoneBlock[] = [];
  for (let b = Atomics.add(job.next, 0, 1); b < blocks; b = Atomics.add(job.next, 0, 1)) {
    const first = b * BLOCK_TRIALS;
    done.push({ block: b, columns: runTrials(m, job.seed, first, Math.min(BLOCK_TRIALS, job.trials - first)) });
    afterBlock?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}
