/**
 * An input as a stream of text chunks: a file or stdin ("-"), gunzipped when it starts with the
 * gzip magic bytes (whatever its name), decoded as UTF-8 without splitting characters, a BOM
 * dropped. Memory does not grow with the input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { describeReadError, InputError } from '../errors.js';

export interface TextSource {
  /** How messages name the input: "stdin" or the path the user knows. */
  label: string;
  chunks: AsyncIterable<string>;
  /** Bytes read so far from the file or stdin (compressed bytes for gzip), for progress. */
  bytesRead: () => number;
  /** The file's size in bytes, when known (not for stdin). */
  size: number | null;
  gzip: () => boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b];

export async function openText(path: string, label = path, stdin: Readable = process.stdin): Promise<TextSource> {
  let input: Readable;
  let size: number | null = null;
  if (path === '-') input = stdin;
  else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      size = info.size;
    } catch (err) {
      throw new InputError({ file: label, message: describeReadError(err) });
    }
    input = createReadStream(path, { highWaterMark: 1 << 20 });
  }
  let bytes = 0;
  let gzip = false;
  async function* decode(): AsyncGenerator<string> {
    const raw = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await raw.next();
    if (first.done) return;
    const head = first.value;
    bytes += head.length;
    gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    async function* rest(): AsyncGenerator<Buffer> {
      yield head;
      for (let r = await raw.next(); !r.done; r = await raw.next()) {
        bytes += r.value.length;
        yield r.value;
      }
    }
    const buffers: AsyncIterable<Buffer> = gzip ? gunzip(rest(), label) : rest();
    const decoder = new StringDecoder('utf8');
    let started = false;
    for await (const buf of buffers) {
      let text = decoder.write(buf);
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text.length > 0) yield text;
    }
    const tail = decoder.end();
    if (tail.length > 0) yield tail;
  }
  return { label, chunks: decode(), bytesRead: () => bytes, size, gzip: () => gzip };
}

async function* gunzip(source: AsyncIterable<Buffer>, label: string): AsyncGenerator<Buffer> {
  const z = createGunzip();
  const pump = (async () => {
    try {
      for await (const buf of source) if (!z.write(buf)) await new Promise((r) => z.once('drain', r));
      z.end();
    } catch (err) {
      z.destroy(err as Error);
    }
  })();
  try {
    for await (const out of z) yield out as Buffer;
  } catch (err) {
    throw new InputError({ file: label, message: `not a readable gzip file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
  }
  await pump;
}

export interface NumberedLine {
  text: string;
  /** 1-based. */
  number: number;
}

/** Lines of text chunks, numbered from 1; CRLF handled; blank lines skipped. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let carry = '';
  let number = 0;
  for await (const chunk of chunks) {
    const text = carry.length > 0 ? carry + chunk : chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      number++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start && !isBlank(text, start, end)) yield { text: text.slice(start, end), number };
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) {
    number++;
    const end = carry.charCodeAt(carry.length - 1) === 13 ? carry.length - 1 : carry.length;
    if (!isBlank(carry, 0, end)) yield { text: carry.slice(0, end), number };
  }
}

function isBlank(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
