import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  joinRanges,
  openRange,
  readCsvRange,
  readRange,
  type CsvRangeJob,
  type OpenRange,
} from '../../../../src/input/readers/fast/csv-range.js';

const dir = mkdtempSync(join(tmpdir(), 'placement-range-'));
let files = 0;

/** Everything a pass over the file leaves: what readUtilization builds its answer from. */
function outcome(r: OpenRange) {
  const c = r.collector;
  return {
    hours: c.hourly.finish(0.01),
    samples: c.samples,
    late: c.hourly.lateSamples,
    series: c.series,
    first: c.first,
    last: c.last,
    resolutionMs: c.resolutionMs,
    outOfOrder: c.outOfOrder,
    duplicates: c.duplicates,
    counts: { ...r.counts, currentLine: null },
    stats: r.stats.export(),
    percentSign: r.parser.percentSignSeen,
  };
}

const T0 = Date.UTC(2026, 2, 29, 0, 30); // the Europe/Berlin DST change
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 23).replaceAll('-', '/').replace('T', ' ');

/**
 * An nvidia-smi export, in time order as a sampling loop writes it: every GPU at each poll (the
 * same timestamp, or a few ms apart), polls 10–900 s apart, and now and then a row the byte path
 * leaves to the string parser or a bad one.
 */
const file = fc
  .record({
    polls: fc.array(
      fc.record({
        gap: fc.constantFrom(10_000, 60_000, 60_000, 300_000, 900_000, 3_600_000),
        gpus: fc.integer({ min: 1, max: 4 }),
        spread: fc.boolean(),
        odd: fc.constantFrom('', '', '', '', '', '[N/A]', 'bad', 'blank', 'header', 'fraction'),
      }),
      { minLength: 1, maxLength: 60 },
    ),
    crlf: fc.boolean(),
  })
  .map(({ polls, crlf }) => {
    const header = 'timestamp, index, utilization.gpu [%], memory.used [MiB]';
    const lines = [header];
    let t = T0;
    polls.forEach((p, k) => {
      t += p.gap;
      for (let g = 0; g < p.gpus; g++) {
        const at = stamp(t + (p.spread ? g * 3 : 0));
        const v = (k * 37 + g * 11) % 101;
        lines.push(`${at}, ${g}, ${v} %, ${1000 + g} MiB`);
      }
      if (p.odd === '[N/A]') lines.push(`${stamp(t)}, 0, [N/A], 0 MiB`);
      if (p.odd === 'bad') lines.push(`${stamp(t)}, 0, lots %, 0 MiB`);
      if (p.odd === 'blank') lines.push('');
      if (p.odd === 'header') lines.push(header);
      if (p.odd === 'fraction') lines.push(`${stamp(t + 1)}, 9, 0.5, 0 MiB`);
    });
    return lines.join(crlf ? '\r\n' : '\n') + '\n';
  });

async function whole(path: string, size: number, timeZone: string): Promise<OpenRange> {
  const job: CsvRangeJob = {
    path,
    label: 'u.csv',
    start: 0,
    end: size,
    firstLine: null,
    options: { dialect: 'nvidia-smi', file: 'u.csv', timeZone },
  };
  const r = openRange(job);
  await readRange(job, r);
  return r;
}

/** The file cut at byte `cut` (a line start) into two ranges read apart and joined; null when they cannot be. */
async function split(
  path: string,
  size: number,
  cut: number,
  firstLine: string,
  timeZone = 'UTC',
): Promise<OpenRange | null> {
  const options = { dialect: 'nvidia-smi' as const, file: 'u.csv', timeZone };
  const a: CsvRangeJob = { path, label: 'u.csv', start: 0, end: cut, firstLine: null, options };
  const b: CsvRangeJob = { path, label: 'u.csv', start: cut, end: size, firstLine, options };
  const first = openRange(a);
  const read = await readRange(a, first);
  const rest = await readCsvRange(b);
  return !read.held && joinRanges(first, read.lines, [rest]) ? first : null;
}

describe('a file read in ranges and joined equals one pass', () => {
  test('property: cut at every line, joined where it can be; always joined where the hour changes', async () => {
    let totalJoins = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom('UTC', 'Europe/Berlin'), async (text, zone) => {
        const path = join(dir, `u${files++}.csv`);
        writeFileSync(path, text);
        const bytes = Buffer.from(text);
        const one = outcome(await whole(path, bytes.length, zone));
        const firstLine = text.slice(0, text.indexOf('\n')).replace(/\r$/, '');
        const hourOf = (line: string): number => {
          const m = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):/.exec(line);
          return m === null ? NaN : Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!);
        };
        let joins = 0;
        for (let at = bytes.indexOf(10) + 1; at > 0 && at < bytes.length; at = bytes.indexOf(10, at) + 1) {
          const joined = await split(path, bytes.length, at, firstLine, zone);
          if (joined !== null) {
            joins++;
            expect(outcome(joined)).toEqual(one);
          }
          // Where the next row is in a later hour than every row before it, the join is made (in UTC,
          // where the text's hours are the clock's; a DST gap in Berlin may join two of them).
          const hours = text
            .slice(0, at)
            .split(/\r?\n/)
            .map(hourOf)
            .filter((h) => !Number.isNaN(h));
          const next = hourOf(text.slice(at));
          if (zone === 'UTC' && hours.length > 0 && next > Math.max(...hours)) expect(joined).not.toBeNull();
        }
        totalJoins += joins;
      }),
      { numRuns: 60 },
    );
    expect(totalJoins).toBeGreaterThan(100);
  });
  test('a record whose quotes span the cut is not joined', async () => {
    const header = 'timestamp, index, utilization.gpu [%]';
    const text = `${header}\n2026/03/01 00:00:00.000, "0\n2026/03/01 05:00:00.000", 50 %\n2026/03/01 06:00:00.000, 1, 60 %\n`;
    const path = join(dir, 'quoted.csv');
    writeFileSync(path, text);
    const cut = text.indexOf('2026/03/01 05');
    expect(await split(path, Buffer.byteLength(text), cut, header)).toBeNull();
    // Read in one pass, the quoted line break is part of the GPU's name.
    expect(outcome(await whole(path, Buffer.byteLength(text), 'UTC')).series).toEqual([
      '0\n2026/03/01 05:00:00.000',
      1,
    ]);
  });
});
