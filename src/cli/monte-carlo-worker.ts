/**
 * One thread's share of a Monte Carlo run (see monte-carlo-threads.ts): the trials it is given,
 * posted back as typed arrays (moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Measurement } from '../core/analyze.js';
import { runTrials } from '../core/monte-carlo.js';

const { measurement, seed, first, count } = workerData as { measurement: Measurement; seed: number; first: number; count: number };
const columns = runTrials(measurement, seed, first, count);
const buffers = [columns.placements, ...columns.monthly.map((c) => c.values), ...columns.npv.map((c) => c.values)].map((a) => a.buffer as ArrayBuffer);
parentPort?.postMessage(columns, buffers);
