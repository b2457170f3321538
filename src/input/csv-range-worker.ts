/**
 * A worker thread's share of a large utilization file (see parallel-csv.ts): it reads its byte
 * range and posts back what it found, as plain data. Its row count goes to a shared counter so
 * that the main thread can show progress for the whole file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvRange, type CsvRangeJob } from './readers/fast/csv-range.js';

const { job, rows, slot } = workerData as { job: CsvRangeJob; rows: Int32Array; slot: number };
const result = await readCsvRange(job, (n) => Atomics.store(rows, slot, n));
parentPort?.postMessage(result);
