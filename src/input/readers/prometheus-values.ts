/**
 * The points of a Prometheus range query, read straight from the text. They are nearly all of an
 * answer (`data.result[i].values`: `[1712345678, "55"]` after `[1712345663, "54"]`), and a generic
 * streaming JSON parser spends a couple of microseconds on each. This splitter walks the text,
 * keeping track of strings, nesting and keys; inside a `values` array of an element of
 * `data.result` it reads the pairs itself and hands each to `point` as the generic parser would
 * have (a pair that is not the plain shape is parsed as JSON, so nothing reads differently), and
 * it gives the generic parser the rest of the text with that array left empty.
 */
import { excerpt, InputError } from '../../errors.js';

/**
 * A plain pair: a JSON number and a JSON string without escapes or control characters. Anything
 * JSON would refuse (a leading zero, a raw line break in the string) does not match, and goes to
 * JSON.parse, which refuses it.
 */
// eslint-disable-next-line no-control-regex
const PAIR = /^\[\s*(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*,\s*"([^"\\\u0000-\u001f]*)"\s*\]$/;
/** An element of `values` longer than this is not a point: refused rather than held. */
const MAX_ELEMENT = 1 << 20;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export class ValuesSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current string's text while it is short enough to be a key we look for. */
  private text = '';
  private textLong = false;
  /** A string just closed at this depth: the key, if a colon follows. */
  private candidate: string | null = null;
  /** The key whose value is expected next, and the keys that opened each container. */
  private pendingKey: string | null = null;
  private readonly keys: Array<string | null> = [];
  /** The index of the current element of data.result. */
  private series = -1;
  /** Inside a values array: its points are read here. */
  private inValues = false;
  private index = 0;
  /** Between points: a comma must come before the next one, and none before the closing `]`. */
  private needComma = false;
  private afterComma = false;
  private carry = '';

  constructor(
    private readonly file: string,
    /** Text for the generic parser, in order: what precedes a points list reaches it first. */
    private readonly write: (text: string) => void,
    private readonly point: (value: unknown, seriesIndex: number, index: number) => void,
    /**
     * A plain point — `[seconds, "reading"]` with at most 3 decimals of seconds and a reading of
     * digits — already read: its time in ms and its value (what `point` would have made of it).
     */
    private readonly plain: (epochMs: number, value: number, seriesIndex: number) => void,
  ) {}

  feed(chunk: string): void {
    const carry = this.carry;
    if (carry === '') return this.feedFrom(chunk, 0);
    // A point cut by the last chunk's end: it is finished alone, and the chunk read where it is —
    // the chunk glued to the carry would be a string the points are read from 1.5 times slower.
    this.carry = '';
    const close = chunk.indexOf(']');
    if (close < 0) return this.feedFrom(carry + chunk, 0);
    this.feedFrom(carry + chunk.slice(0, close + 1), 0);
    if (this.carry === '') return this.feedFrom(chunk, close + 1);
    // Still inside the element (a bracket in a string, a nested list): the rest glued after all.
    const rest = this.carry;
    this.carry = '';
    this.feedFrom(rest + chunk.slice(close + 1), 0);
  }

  private feedFrom(s: string, start: number): void {
    let from = start;
    let i = start;
    while (i < s.length) {
      if (this.inValues) {
        const end = this.readValues(s, i);
        if (end < 0) {
          // An element cut by the chunk's end: kept for the next chunk.
          this.carry = s.slice(-end - 1);
          if (this.carry.length > MAX_ELEMENT) throw this.error('a point of more than 1 MiB');
          return;
        }
        // The array's closing bracket goes to the generic parser: it saw `[`, now `]`.
        from = end;
        i = end + 1;
        this.inValues = false;
        continue;
      }
      const c = s[i] as string;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') {
          this.escaped = true;
          this.textLong = true; // an escaped key is not one of ours
        } else if (c === '"') {
          this.inString = false;
          this.candidate = this.textLong ? '' : this.text;
        } else if (!this.textLong) {
          this.text += c;
          if (this.text.length > 8) this.textLong = true;
        }
        i++;
        continue;
      }
      if (c === '"') {
        this.inString = true;
        this.text = '';
        this.textLong = false;
        this.candidate = null;
      } else if (c === ':') {
        this.pendingKey = this.candidate;
        this.candidate = null;
      } else if (c === '{' || c === '[') {
        const key = this.pendingKey;
        this.pendingKey = null;
        this.candidate = null;
        // An element of data.result: root { data { result [ element {.
        if (c === '{' && this.depth === 3 && this.keys[1] === 'data' && this.keys[2] === 'result') this.series++;
        this.keys[this.depth] = key;
        this.depth++;
        if (
          c === '[' &&
          key === 'values' &&
          this.depth === 5 &&
          this.keys[1] === 'data' &&
          this.keys[2] === 'result' &&
          this.keys[3] === null
        ) {
          this.write(s.slice(from, i + 1));
          this.depth--; // the generic parser closes it
          this.inValues = true;
          this.index = 0;
          this.needComma = false;
          this.afterComma = false;
          i++;
          from = i;
          continue;
        }
      } else if (c === '}' || c === ']') {
        this.depth--;
        this.pendingKey = null;
        this.candidate = null;
      } else if (c === ',') {
        this.pendingKey = null;
        this.candidate = null;
      } else if (!isSpace(c)) {
        this.candidate = null;
      }
      i++;
    }
    if (from < s.length) this.write(s.slice(from));
  }

  /** At the end of the text: a values array left open is a truncated answer. */
  end(): void {
    if (this.inValues || this.carry !== '') throw this.error('the answer ends inside a list of points');
  }

  /**
   * Points from `i` on: the index of the array's closing bracket, or −(start + 1) of an element
   * the text ends inside.
   */
  private readValues(s: string, i: number): number {
    const n = s.length;
    for (;;) {
      // The fast lane: plain points and the commas between them, nothing else.
      while (!this.needComma && i < n && s.charCodeAt(i) === OPEN) {
        const after = plainPoint(s, i);
        if (after < 0) break;
        this.index++;
        this.plain(plainMs, plainValue, this.series);
        i = after;
        let c = -1;
        while (i < n && isSpaceCode((c = s.charCodeAt(i)))) i++;
        if (c !== COMMA || i >= n) {
          this.needComma = true;
          this.afterComma = false;
          break;
        }
        i++;
        while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
        this.afterComma = true;
      }
      while (i < s.length && isSpace(s[i])) i++;
      if (i >= s.length) return -(i + 1);
      if (s[i] === ']') {
        if (this.afterComma) throw this.error('a comma before the end of a list of points');
        return i;
      }
      if (this.needComma) {
        if (s[i] !== ',') throw this.error(`a comma expected between points, got "${excerpt(s.slice(i, i + 20))}"`);
        this.needComma = false;
        this.afterComma = true;
        i++;
        continue;
      }
      if (s[i] === ',') throw this.error('a comma where a point was expected');
      const start = i;
      if (s[i] === '[') {
        const close = s.indexOf(']', i);
        if (close < 0) return -(start + 1);
        const m = PAIR.exec(s.slice(i, close + 1));
        if (m !== null) {
          this.point([Number(m[1]), m[2]], this.series, this.index++);
          this.needComma = true;
          this.afterComma = false;
          i = close + 1;
          continue;
        }
      }
      // Anything else: the element's extent, then JSON's own reading of it.
      const stop = elementEnd(s, i);
      if (stop < 0) return -(start + 1);
      let value: unknown;
      try {
        value = JSON.parse(s.slice(start, stop));
      } catch {
        throw this.error(`a point that is not JSON: "${excerpt(s.slice(start, stop))}"`);
      }
      this.point(value, this.series, this.index++);
      this.needComma = true;
      this.afterComma = false;
      i = stop;
    }
  }

  private error(what: string): InputError {
    return new InputError({ file: this.file, message: `not a valid Prometheus API answer (JSON): ${what}` });
  }
}

/** Where an element starting at `i` ends (at the `,` or `]` after it); −1 when the text ends first. */
function elementEnd(s: string, i: number): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0) return i;
  }
  return -1;
}

const OPEN = 91; // [
const CLOSE = 93; // ]
const QUOTE = 34;
const COMMA = 44;
const DOT = 46;
const ZERO = 48;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const isDigitCode = (c: number): boolean => c >= ZERO && c <= ZERO + 9;
const isSpaceCode = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** What plainPoint read: the time in ms and the value (module state, so a point allocates nothing). */
let plainMs = 0;
let plainValue = 0;

/**
 * The commonest point, read by character codes: `[` seconds `,` `"`digits[.digits]`"` `]`, with
 * JSON's blanks. Seconds are JSON digits (no leading zero) with at most 3 decimals, so the time in
 * ms is an exact integer — what Math.round(Number(seconds) × 1000) gives; the reading has at most
 * 15 digits, so digits ÷ 10^k is the correctly rounded value Number() gives. Returns the index
 * after `]` (the time and value in plainMs and plainValue); −1 for anything else, which the
 * caller's general path reads, or refuses. Never reads past the text (a read past it would cost
 * the compiled loop its speed).
 */
function plainPoint(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  let c = -1;
  while (j < n && isSpaceCode((c = s.charCodeAt(j)))) j++;
  if (j >= n || !isDigitCode(c)) return -1;
  // Seconds: JSON has no leading zeros.
  if (c === ZERO && j + 1 < n && isDigitCode(s.charCodeAt(j + 1))) return -1;
  let seconds = 0;
  const first = j;
  for (; j < n; j++) {
    c = s.charCodeAt(j);
    if (!isDigitCode(c)) break;
    seconds = seconds * 10 + (c - ZERO);
  }
  if (j >= n || j - first > 12) return -1;
  let ms = seconds * 1000;
  if (c === DOT) {
    const dot = ++j;
    for (; j < n; j++) {
      c = s.charCodeAt(j);
      if (!isDigitCode(c)) break;
      if (j - dot === 3) return -1;
      ms += (c - ZERO) * (j === dot ? 100 : j === dot + 1 ? 10 : 1);
    }
    if (j >= n || j === dot) return -1;
  }
  while (isSpaceCode(c)) {
    if (++j >= n) return -1;
    c = s.charCodeAt(j);
  }
  if (c !== COMMA) return -1;
  do {
    if (++j >= n) return -1;
    c = s.charCodeAt(j);
  } while (isSpaceCode(c));
  if (c !== QUOTE) return -1;
  // The reading.
  let value = 0;
  let digits = 0;
  let scale = -1;
  for (j++; j < n; j++) {
    c = s.charCodeAt(j);
    if (isDigitCode(c)) {
      value = value * 10 + (c - ZERO);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === DOT && scale < 0) scale = 0;
    else break;
  }
  if (j >= n || c !== QUOTE || digits === 0 || digits > 15 || scale === 0) return -1;
  do {
    if (++j >= n) return -1;
    c = s.charCodeAt(j);
  } while (isSpaceCode(c));
  if (c !== CLOSE) return -1;
  plainMs = ms;
  plainValue = scale > 0 ? value / (POW10[scale] as number) : value;
  return j + 1;
}
