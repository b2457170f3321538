/**
 * The review history: one JSON line per review, append-only. A run killed mid-write can
 * leave at most a torn last line: readers report and skip it, and the next append starts on a
 * fresh line, so the entries before it are never lost.
 */
import { open, truncate } from 'node:fs/promises';
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES, readBounded, textOf } from '../input/readers/read-bounded.js';
import { describeReadError, describeWriteError, InputError } from '../errors.js';

export interface HistoryEntry {
  date: string;
  scenario: { name: string; file: string; sha256: string };
  verdict: { placement: string; governingConstraint: string; changed: boolean | null };
  keyNumbers: Record<string, number | null>;
  triggersFiring: string[];
  /** Each trigger of the decision in force as judged at this review (entries before them lack it). */
  triggers?: Array<{
    id: string;
    metric: string | null;
    today: number | null;
    threshold: number | null;
    distance: number | null;
    firing: boolean;
  }>;
  exitCode: number;
}

export interface HistoryRead {
  entries: HistoryEntry[];
  /** Lines that could not be read: the torn last line of an interrupted write, or damage. */
  skipped: Array<{ line: number; reason: string }>;
}

const NEWLINE = 0x0a;

/** What a line must hold to be read as an entry: the fields the history view and review use. */
const historyLine = z.looseObject({
  date: z.string(),
  verdict: z.looseObject({ placement: z.string(), changed: z.boolean().nullable().optional() }),
  keyNumbers: z.record(z.string(), z.number().nullable()),
  triggersFiring: z.array(z.string()),
  exitCode: z.number(),
});

/**
 * Append one entry as a single write of a whole line, then fsync. Returns how to take it back
 * (cut the file to its old length), for a run whose later output fails.
 */
export async function appendHistory(path: string, entry: HistoryEntry): Promise<() => Promise<void>> {
  let handle;
  try {
    handle = await open(path, 'a+');
  } catch (err) {
    throw new InputError({
      file: path,
      field: '--history',
      message: describeWriteError(err) ?? describeReadError(err),
    });
  }
  let size = 0;
  try {
    ({ size } = await handle.stat());
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== NEWLINE) prefix = '\n'; // end a torn line so ours stands on its own
    }
    await handle.write(`${prefix}${JSON.stringify(entry)}\n`);
    await handle.sync();
  } catch (err) {
    // A full disk can take part of the line: cut the file back to what it was.
    await handle.truncate(size).catch(() => undefined);
    const message = describeWriteError(err);
    if (message === null) throw err;
    throw new InputError({ file: path, field: '--history', message });
  } finally {
    await handle.close();
  }
  return () => truncate(path, size);
}

export async function readHistory(path: string, field?: string): Promise<HistoryRead> {
  let text: string;
  try {
    const bytes = await readBounded(path, MAX_RECORD_FILE_BYTES);
    if (bytes.length > MAX_RECORD_FILE_BYTES) throw new RangeError('too large');
    text = textOf(bytes);
  } catch (err) {
    const message =
      err instanceof RangeError
        ? `is larger than ${MAX_RECORD_FILE_BYTES / 1024 / 1024} MiB: not a review history`
        : describeReadError(err);
    throw new InputError({ file: path, field, message });
  }
  const lines = text.split('\n');
  const torn = !text.endsWith('\n') && text.length > 0;
  const entries: HistoryEntry[] = [];
  const skipped: HistoryRead['skipped'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const e = historyLine.parse(JSON.parse(line)) as unknown as HistoryEntry;
      entries.push(e); // a complete entry that only lacks its newline is kept
    } catch {
      const last = i === lines.length - 1 && torn;
      skipped.push({
        line: i + 1,
        reason: last
          ? 'torn last line (a write was interrupted)'
          : 'damaged line (an interrupted write, or not a history entry)',
      });
    }
  });
  // Lines that were all written whole, and not one of them an entry: this is some other file
  // (and appending a review to it would damage it), not a history with a torn line.
  if (entries.length === 0 && skipped.some((k) => !(torn && k.line === lines.length))) {
    throw new InputError({
      file: path,
      field,
      message: `not a review history: none of its ${skipped.length} lines is a review entry`,
    });
  }
  return { entries, skipped };
}
