/**
 * An input as a stream of text chunks: a file or stdin ("-"), gunzipped when it starts with the
 * gzip magic bytes (whatever its name), decoded as UTF-8 without splitting characters, a BOM
 * dropped. Memory does not grow with the input.
 */
import { isUtf8 } from 'node:buffer';
import { openForReading, statOf } from './file-reads.js';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { describeReadError, InputError } from '../../errors.js';

export interface TextSource {
  /** How messages name the input: "stdin" or the path the user knows. */
  label: string;
  /** The content as text. Consume either `chunks` or `bytes`, not both. */
  chunks: AsyncIterable<string>;
  /** The content as bytes (gunzipped, BOM dropped), for readers that parse bytes directly. */
  bytes?: AsyncIterable<Buffer> | undefined;
  /** Bytes read so far from the file or stdin (compressed bytes for gzip), for progress. */
  bytesRead: () => number;
  /** The file's size in bytes, when known (not for stdin). */
  size: number | null;
  /** The file's path, for readers that read parts of it on other threads; null for stdin. */
  path?: string | null;
  gzip: () => boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b];

export async function openText(path: string, label = path, stdin?: Readable): Promise<TextSource> {
  let input: Readable | null;
  let size: number | null = null;
  // process.stdin is made only when read: making it costs a run that reads files a stream.
  if (path === '-') input = stdin ?? process.stdin;
  else {
    try {
      const info = await statOf(path);
      if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      size = info.size;
    } catch (err) {
      throw new InputError({ file: label, message: describeReadError(err) });
    }
    input = null;
  }
  let bytes = 0;
  let gzip = false;
  async function* content(): AsyncGenerator<Buffer> {
    const raw = (input === null ? fileChunks(path) : input[Symbol.asyncIterator]()) as AsyncIterator<Buffer>;
    try {
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
      // zlib may read its input after write() returns, so it gets copies of the reused buffer.
      yield* withoutBom(gzip ? gunzip(copies(rest()), label) : rest());
    } finally {
      // A reader that stops early (return()) closes the file here, not when it is collected.
      if (input === null) await raw.return?.();
    }
  }
  const byteStream = content();
  return {
    label,
    chunks: decodeUtf8(byteStream),
    bytes: byteStream,
    bytesRead: () => bytes,
    size,
    gzip: () => gzip,
    path: path === '-' ? null : path,
  };
}

/**
 * The bytes as UTF-8 without a byte-order mark. A UTF-16 file (what Windows PowerShell 5 writes
 * for `nvidia-smi … > file.csv`) is recognised by its mark and re-encoded, so every reader sees
 * the text it holds rather than a NUL between each character; a Latin-1 file, by bytes that are
 * not UTF-8 in its first chunk.
 */
async function* withoutBom(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let encoding: TextEncoding | null = null;
  const decoder = new StringDecoder('utf16le');
  let odd: number | null = null; // a UTF-16BE byte waiting for its pair across chunks
  let head: Buffer | null = null; // the first bytes, until there are enough to see a mark
  for await (const buf of source) {
    if (buf.length === 0) continue;
    let b = buf;
    if (encoding === null) {
      head = head === null ? Buffer.from(b) : Buffer.concat([head, b]);
      if (head.length < 3) continue;
      const found = encodingOf(head);
      encoding = found.encoding;
      b = head.subarray(found.markBytes);
      head = null;
    }
    if (encoding === 'utf8') {
      yield b;
      continue;
    }
    if (encoding === 'latin1') {
      yield Buffer.from(b.toString('latin1'), 'utf8');
      continue;
    }
    if (encoding === 'utf16be') {
      const joined: Buffer = odd === null ? Buffer.from(b) : Buffer.concat([Buffer.of(odd), b]);
      odd = joined.length % 2 === 1 ? (joined[joined.length - 1] as number) : null;
      b = joined.subarray(0, joined.length - (odd === null ? 0 : 1)).swap16();
    }
    const text = decoder.write(b);
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  if (head !== null) {
    // A file of one or two bytes: a mark alone is nothing, anything else is its text.
    if (encodingOf(head).markBytes === 0) yield head;
    return;
  }
  const tail = encoding === 'utf16le' || encoding === 'utf16be' ? decoder.end() : '';
  if (tail.length > 0) yield Buffer.from(tail, 'utf8');
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

/**
 * How a text's first bytes say it is encoded: a byte-order mark (UTF-8's, or UTF-16 in either
 * order, `markBytes` long), else Latin-1 when they are not UTF-8, else UTF-8. The one place the
 * streaming readers and the whole-file reader (textOf) decide it.
 */
export function encodingOf(head: Buffer): { encoding: TextEncoding; markBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', markBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', markBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', markBytes: 2 };
  return { encoding: looksLatin1(head) ? 'latin1' : 'utf8', markBytes: 0 };
}

/**
 * Text that is not UTF-8 but has bytes above 127 in its first chunk: Latin-1 (ISO 8859-1), what
 * older Windows and European tools write ("Düsseldorf" as one byte for ü). A character cut at
 * the chunk's end does not count against UTF-8.
 */
export function looksLatin1(head: Buffer): boolean {
  if (isUtf8(head)) return false;
  for (let cut = 1; cut <= 3 && cut < head.length; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return false;
  return true;
}

const CHUNK = 1 << 20;

/**
 * A file's bytes through two reused buffers: each chunk is only valid until the next is asked
 * for. Reading never allocates per chunk, so memory stays flat however large the file. The next
 * chunk is read while the caller works on this one (the read waits on a pool thread, and parsing
 * the chunk takes longer than reading it).
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await openForReading(path);
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let k = 0;
  let next = handle.read(buffers[0] as Buffer, 0, CHUNK, null);
  try {
    for (;;) {
      const bytesRead = await next;
      if (bytesRead === 0) return;
      const chunk = (buffers[k] as Buffer).subarray(0, bytesRead);
      k ^= 1;
      next = handle.read(buffers[k] as Buffer, 0, CHUNK, null);
      yield chunk;
    }
  } finally {
    // A caller that stops early leaves a read in flight: it ends before the file is closed.
    await next.catch(() => 0);
    await handle.close();
  }
}

/** Compressed bytes are handed to zlib in copies of at most this many. */
const GZIP_PIECE = 64 * 1024;

/**
 * Copies of the reused read buffer, for zlib, in pieces: a fresh 1 MiB copy per read made the
 * process grow with the file (peak RSS 81 MB at 1 M gzipped rows, 95 MB at 10 M); 64 KiB
 * pieces keep it flat (79 and 80 MB), at the same speed.
 */
async function* copies(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const b of source)
    for (let at = 0; at < b.length; at += GZIP_PIECE) yield Buffer.from(b.subarray(at, at + GZIP_PIECE));
}

/** UTF-8 text of a byte stream, never splitting a character across chunks. */
export async function* decodeUtf8(buffers: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const buf of buffers) {
    const text = decoder.write(buf);
    if (text.length > 0) yield text;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

async function* gunzip(source: AsyncIterable<Buffer>, label: string): AsyncGenerator<Buffer> {
  // Loaded for a gzip file only.
  const { createGunzip } = await import('node:zlib');
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
    throw new InputError({
      file: label,
      message: `not a readable gzip file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    });
  }
  await pump;
}

export interface NumberedLine {
  text: string;
  /** 1-based. */
  number: number;
}

/**
 * The longest line a history may have. Real rows are well under a kilobyte; a line without end
 * (a binary file, a 500 MB JSON blob on one line) would otherwise be held whole in memory.
 */
export const MAX_LINE_CHARS = 1024 * 1024;

export function lineTooLong(file: string | undefined, line: number): InputError {
  return new InputError({
    file,
    line,
    message: `the line is longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB: not a file of rows (a history has one short row per line)`,
  });
}

/**
 * Lines of text chunks, numbered from 1; CRLF handled; blank lines skipped, unless `keepBlank`
 * (csvRecords needs them: a blank line inside a quoted field is part of its value).
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  file?: string,
  keepBlank = false,
): AsyncGenerator<NumberedLine> {
  let carry = '';
  let number = 0;
  for await (const chunk of chunks) {
    const text = carry.length > 0 ? carry + chunk : chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      number++;
      if (nl - start > MAX_LINE_CHARS) throw lineTooLong(file, number);
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (keepBlank || (end > start && !isBlank(text, start, end))) yield { text: text.slice(start, end), number };
      start = nl + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE_CHARS) throw lineTooLong(file, number + 1);
  }
  if (carry.length > 0) {
    number++;
    const end = carry.charCodeAt(carry.length - 1) === 13 ? carry.length - 1 : carry.length;
    if (keepBlank || !isBlank(carry, 0, end)) yield { text: carry.slice(0, end), number };
  }
}

function isBlank(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A record may span this many lines at most: past it an open quote is taken as a stray one. */
export const MAX_RECORD_LINES = 100;

const quotes = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
};

/**
 * CSV records as RFC 4180 has them: a quoted field may hold line breaks, so a line whose quotes
 * do not pair up continues on the next (numbered as its first line). Bounded: after 100 lines an
 * open quote is taken for a stray one and the lines go on one by one.
 */
export async function* csvRecords(lines: AsyncIterable<NumberedLine>): AsyncGenerator<NumberedLine> {
  let open: NumberedLine | null = null;
  let parts: string[] = [];
  let count = 0;
  for await (const line of lines) {
    if (open === null) {
      if (isBlank(line.text, 0, line.text.length)) continue; // between records, a blank line is nothing
      if (quotes(line.text) % 2 === 0) {
        yield line;
        continue;
      }
      open = line;
      parts = [line.text];
      count = quotes(line.text);
      continue;
    }
    parts.push(line.text);
    count += quotes(line.text);
    if (count % 2 === 0) {
      yield { text: parts.join('\n'), number: open.number };
      open = null;
    } else if (parts.length >= MAX_RECORD_LINES) {
      yield* oneByOne(parts, open.number);
      open = null;
    }
  }
  if (open !== null) yield* oneByOne(parts, open.number);
}

/** The lines of a record whose quote never closed, each on its own (blank ones left out). */
function* oneByOne(parts: readonly string[], first: number): Generator<NumberedLine> {
  for (let i = 0; i < parts.length; i++) {
    const text = parts[i] as string;
    if (!isBlank(text, 0, text.length)) yield { text, number: first + i };
  }
}
