import { openForReading } from './file-reads.js';
import { encodingOf } from './text-source.js';

/**
 * A whole small file's bytes, but never more than `max` + 1 of them, whatever the path is: a
 * FIFO, /dev/zero or a multi-gigabyte file cannot hang the run or exhaust memory. A result
 * longer than `max` tells the caller the file is over its limit.
 */
export async function readBounded(file: string, max: number): Promise<Buffer> {
  const handle = await openForReading(file);
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(65_536);
      const bytesRead = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      parts.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) break;
    }
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

/** The limit of a report or history file read whole: years of quarterly reviews fit many times over. */
export const MAX_RECORD_FILE_BYTES = 64 * 1024 * 1024;

/** A whole file's text: UTF-8, UTF-16 when it starts with that byte-order mark (Windows tools), or Latin-1. */
export function textOf(bytes: Buffer): string {
  const { encoding, markBytes } = encodingOf(bytes);
  const body = bytes.subarray(markBytes);
  if (encoding === 'utf16be')
    return Buffer.from(body.subarray(0, body.length - (body.length % 2)))
      .swap16()
      .toString('utf16le');
  return body.toString(encoding);
}
