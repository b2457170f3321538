import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { describeReadError, InputError } from '../errors.js';

export interface NumberedLine {
  text: string;
  /** 1-based. */
  number: number;
}

/**
 * The lines of a file, or of stdin for "-", streamed (`label` names the file in messages): a BOM is dropped, CRLF handled, blank
 * lines skipped. Memory does not grow with the file.
 */
export async function* readLines(path: string, label = path, stdin: Readable = process.stdin): AsyncGenerator<NumberedLine> {
  let input: Readable;
  if (path === '-') input = stdin;
  else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    } catch (err) {
      throw new InputError({ file: label, message: describeReadError(err) });
    }
    input = createReadStream(path);
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const raw of rl) {
    number++;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() !== '') yield { text, number };
  }
}
