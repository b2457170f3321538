/**
 * One thread's share of a Monte Carlo run (see monte-carlo-threads.ts): it takes blocks from the
 * shared counter until none are left and posts back each block's trials as typed arrays (moved,
 * not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Measurement } from '../model/analysis/analyze.js';
import { takeBlocks, type BlockJob } from './monte-carlo-blocks.js';

const job = workerData as BlockJob & { measurement: Measurement };
const done = await takeBlocks(job.measurement, job);
const buffers = done
  .flatMap(({ columns: c }) => [c.placements, ...c.monthly.map((x) => x.values), ...c.npv.map((x) => x.values)])
  .map((a) => a.buffer as ArrayBuffer);
parentPort?.postMessage(done, buffers);
