import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseReadingBytes, reading, TimestampBytes } from '../../../../src/input/readers/fast/byte-parse.js';
import { parseReading } from '../../../../src/input/readers/reading.js';
import { readUtilization, type UtilizationReadOptions } from '../../../../src/input/read-utilization.js';
import type { TextSource } from '../../../../src/input/readers/text-source.js';
import { parseTimestamp } from '../../../../src/input/readers/parse-timestamp.js';
import { sourceOf } from '../../../helpers/lines.js';

const opts = (tz: string): UtilizationReadOptions => ({
  format: 'auto',
  unit: 'auto',
  timeZone: tz,
  maxBadRowFraction: 1,
  now: 0,
});

/** The same text as a byte source cut at the given places (the fast path reads bytes). */
function bytesOf(text: string, cuts: number[]): TextSource {
  const all = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
  async function* chunks(): AsyncGenerator<Buffer> {
    let from = 0;
    for (const p of [...points, all.length]) {
      if (p > from) yield all.subarray(from, p);
      from = Math.max(from, p);
    }
  }
  return { ...sourceOf(text), bytes: chunks() };
}

const T0 = Date.UTC(2026, 2, 28); // spans the Europe/Berlin DST change of 29 March
const iso = (m: number) => new Date(T0 + m * 60_000).toISOString();
const nvidia = (m: number, ms: number) =>
  `${iso(m).slice(0, 19).replaceAll('-', '/').replace('T', ' ')}.${String(ms).padStart(3, '0')}`;
const row = fc.oneof(
  fc
    .record({
      m: fc.integer({ min: 0, max: 4000 }),
      g: fc.integer({ min: 0, max: 12 }),
      v: fc.integer({ min: 0, max: 10000 }),
      ms: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ m, g, v, ms }) => `${nvidia(m, ms)}, ${g}, ${v / 100} %`),
  fc
    .record({ m: fc.integer({ min: 0, max: 4000 }), g: fc.integer({ min: 0, max: 3 }) })
    .map(({ m, g }) => `${nvidia(m, 0)}, ${g}, [N/A]`),
  fc
    .record({ m: fc.integer({ min: 0, max: 4000 }), v: fc.integer({ min: 0, max: 100 }) })
    .map(({ m, v }) => `"${nvidia(m, 5)}", "GPU-a", ${v}`),
  fc
    .record({ m: fc.integer({ min: 0, max: 4000 }), v: fc.integer({ min: 0, max: 100 }) })
    .map(({ m, v }) => `${iso(m)}, 00${v % 3}, ${v}`),
  // A quoted field holding line breaks: one record over several lines, which a chunk boundary
  // may cut so that a middle chunk holds no quote at all.
  fc
    .record({
      m: fc.integer({ min: 0, max: 4000 }),
      v: fc.integer({ min: 0, max: 100 }),
      n: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ m, v, n }) => `${iso(m)}, "g${'\nmore'.repeat(n)}", ${v}`),
  fc.string({ unit: fc.constantFrom('1', '/', ' ', ':', ',', '.', '%', 'x'), maxLength: 30 }),
);

/** What a read gives, or its error's message: the two paths must agree on either. */
async function readOrError(src: TextSource, tz: string) {
  try {
    const r = await readUtilization(src, opts(tz));
    return { hours: r.hours, summary: { ...r.summary, source: '' }, warnings: r.warnings };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the byte fast path gives what the string path gives', () => {
  test('property: random nvidia-smi files with fallback lines, any chunking, two zones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('UTC', 'Europe/Berlin'),
        async (rows, cuts, tz) => {
          const text = ['timestamp, index, utilization.gpu [%]', ...rows].join(rows.length % 2 ? '\r\n' : '\n');
          expect(await readOrError(bytesOf(text, cuts), tz)).toEqual(await readOrError(sourceOf(text), tz));
        },
      ),
      { numRuns: 300 },
    );
  });
  test('property: columns after the ones read, of any width, skipped a word at a time', async () => {
    // nvidia-smi with memory.used after the reading: the loop skips it four bytes at a time up to
    // the line break, which may fall anywhere in a word, or cut by a chunk.
    const wide = fc
      .record({
        m: fc.integer({ min: 0, max: 300 }),
        g: fc.integer({ min: 0, max: 3 }),
        v: fc.integer({ min: 0, max: 100 }),
        rest: fc.string({ unit: fc.constantFrom('1', ' ', 'M', 'i', 'B', ',', '%'), maxLength: 23 }),
      })
      .map(({ m, g, v, rest }) => `${nvidia(m, 0)}, ${g}, ${v} %, ${rest}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(wide, row), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (rows, cuts) => {
          const text = ['timestamp, index, utilization.gpu [%], memory.used [MiB]', ...rows].join(
            rows.length % 2 ? '\r\n' : '\n',
          );
          expect(await readOrError(bytesOf(text, cuts), 'UTC')).toEqual(await readOrError(sourceOf(text), 'UTC'));
        },
      ),
      { numRuns: 300 },
    );
  });
  test('a line shorter than the last timestamp, the next line with a delimiter where it would end: read again, not joined', async () => {
    // The fast loop looks for the delimiter at the last timestamp's width (23 bytes) first: for
    // "1" that lands on the comma of the next line, 21 bytes in; the timestamp check fails on the
    // line break and the line is read again the usual way. A first field of 23 digits likewise.
    const text = [
      'timestamp, index, utilization.gpu [%]',
      `${nvidia(1, 5)}, 0, 40 %`,
      '1',
      '123456789012345678901, 0, 5 %',
      '12345678901234567890123, 0, 5 %',
      `${nvidia(2, 5)}, 0, 60 %`,
    ].join('\n');
    const run = async (src: TextSource) => {
      const r = await readUtilization(src, opts('UTC'));
      return { hours: r.hours, summary: { ...r.summary, source: '' }, warnings: r.warnings };
    };
    const slow = await run(sourceOf(text));
    expect(slow.summary.badRows).toBe(3);
    for (const cuts of [[], [60], [70, 90]]) expect(await run(bytesOf(text, cuts))).toEqual(slow);
  });
  test.each([
    ['a stray quote in the last row', 2],
    ['a stray quote with more lines after it than a record may span', 150],
  ])('%s: both paths read the held lines one by one, at their own line numbers', async (_what, after) => {
    const rows = Array.from({ length: after }, (_, m) => `${iso(m)}, 0, ${m % 100}`);
    const text = ['timestamp, index, utilization.gpu [%]', `${iso(0)}, 0, 5 "stray`, ...rows].join('\n');
    const run = async (src: TextSource) => {
      const r = await readUtilization(src, opts('UTC'));
      return { hours: r.hours, summary: { ...r.summary, source: '' } };
    };
    const slow = await run(sourceOf(text));
    expect(await run(bytesOf(text, [7, 500]))).toEqual(slow);
    expect(slow.summary.badExamples[0]?.line).toBe(2);
    expect(slow.summary.rows).toBe(after + 1);
  });
  test('property: readings from bytes equal Number() of the text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,9}(\.\d{1,6})?( ?%)?$/), (s) => {
        const v = parseReadingBytes(Buffer.from(s), 0, s.length);
        const slow = parseReading(s) as { value: number; percentSign: boolean };
        expect(v).toBe(slow.value);
        expect(reading.percentSign).toBe(slow.percentSign);
      }),
    );
  });
  test('property: timestamps from bytes equal the string parser, local and UTC', () => {
    const parser = new TimestampBytes('America/New_York');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.boolean(),
        fc.boolean(),
        (ms, z, slash) => {
          let s = new Date(ms).toISOString().slice(0, 23) + (z ? 'Z' : '');
          if (slash) s = s.replaceAll('-', '/').replace('T', ' ').replace('Z', '');
          expect(parser.parse(Buffer.from(s), 0, s.length)).toBe(parseTimestamp(s, 'America/New_York'));
        },
      ),
      { numRuns: 2000 },
    );
  });
  test('property: a run of timestamps in few hours, read by one parser (its hour cache), equals the string parser', () => {
    const base = Date.UTC(2026, 2, 29, 0); // the Europe/Berlin DST change
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minute: fc.integer({ min: 0, max: 240 }),
            ms: fc.integer({ min: 0, max: 999 }),
            z: fc.boolean(),
            slash: fc.boolean(),
            // A row of the cached hour whose minutes or seconds are not a time.
            tail: fc.constantFrom('', '', '', ':61:00', ':00:60', ':0x:00', '-00:00'),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.constantFrom('UTC', 'Europe/Berlin'),
        (rows, zone) => {
          const parser = new TimestampBytes(zone);
          for (const r of rows) {
            let s = new Date(base + r.minute * 60_000 + r.ms).toISOString().slice(0, 23);
            if (r.tail !== '') s = s.slice(0, 13) + r.tail;
            if (r.z) s += 'Z';
            if (r.slash) s = s.replaceAll('-', '/').replace('T', ' ').replace('Z', '');
            const fast = parser.parse(Buffer.from(s), 0, s.length);
            const slow = parseTimestamp(s, zone);
            if (Number.isNaN(fast)) expect(slow === null || r.tail !== '' || s.length < 19).toBe(true);
            else expect(fast).toBe(slow);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  test('property: any year, month, day and hour digits: dates the string parser refuses are refused', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1999, max: 2101 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.boolean(),
        (year, month, day, hour, z) => {
          const s = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:30:00${z ? 'Z' : ''}`;
          // A fresh parser each time, and one that has cached another hour.
          for (const parser of [new TimestampBytes('UTC'), warmParser()]) {
            const fast = parser.parse(Buffer.from(s), 0, s.length);
            const slow = parseTimestamp(s, 'UTC');
            if (slow === null || year < 2000 || year > 2099) expect(fast).toBeNaN();
            else expect(fast).toBe(slow);
          }
        },
      ),
      { numRuns: 3000 },
    );
    function warmParser(): TimestampBytes {
      const p = new TimestampBytes('UTC');
      const s = '2024-02-29T23:59:59Z';
      p.parse(Buffer.from(s), 0, s.length);
      return p;
    }
  });
  test('200,000 blank lines before the header, in one chunk: read line by line, not by recursion', async () => {
    const text = '\n'.repeat(200_000) + 'timestamp,utilization\n2026-07-19T00:00:00Z,0.5\n2026-07-19T01:00:00Z,0.6\n';
    const r = await readUtilization(bytesOf(text, []), opts('UTC'));
    expect(r.hours.map((h) => h.utilization)).toEqual([0.5, 0.6]);
  });
  test('shapes it does not know are left to the string parser (NaN)', () => {
    const p = new TimestampBytes('UTC');
    for (const s of [
      '2026-01-01',
      '1767225600',
      '2026-01-01T00:00:00+02:00',
      '2026-02-30 00:00:00',
      '2026-01-01 24:00:00',
    ]) {
      expect(p.parse(Buffer.from(s), 0, s.length)).toBeNaN();
    }
    for (const s of ['[N/A]', '-3', '1e5', '12.5.1', ''])
      expect(parseReadingBytes(Buffer.from(s), 0, s.length)).toBeNaN();
  });
});
