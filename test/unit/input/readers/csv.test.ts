import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { splitFields } from '../../../../src/input/readers/csv-fields.js';
import { readUtilization } from '../../../../src/input/read-utilization.js';
import { readTokens } from '../../../../src/input/readers/tokens-csv.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvRecords } from '../../../../src/input/readers/text-source.js';
import { allLinesOf, sourceOf } from '../../../helpers/lines.js';

const read = (text: string, unit: 'auto' | 'percent' | 'fraction' = 'auto') =>
  readUtilization(sourceOf(text), { format: 'csv', unit, timeZone: 'UTC', maxBadRowFraction: 0, now: 0 }).then((r) => ({
    ...r,
    ...r.summary,
  }));
const readTokensCsv = (text: string, file: string, tz: string, format: 'auto') =>
  readTokens(sourceOf(text, file), tz, format, 0).then((r) => ({ ...r, rows: r.counts.dataRows }));
async function problem(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems[0];
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('CSV fields', () => {
  test('quotes, doubled quotes, spaces, trailing comma; columns are 1-based, at the value', () => {
    expect(splitFields(' a , "b,c" ,"say ""hi""",')).toEqual([
      { value: 'a', column: 2 },
      { value: 'b,c', column: 6 },
      { value: 'say "hi"', column: 13 },
      { value: '', column: 26 },
    ]);
  });
  test('property: joining quoted fields and splitting gives them back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '1', '.', '%', ' ') }), {
          minLength: 1,
          maxLength: 8,
        }),
        (cells) => {
          const line = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
          expect(splitFields(line).map((f) => f.value)).toEqual(cells);
        },
      ),
    );
  });
});

describe('utilization CSV', () => {
  test('header, percent detected from values above 1, hourly means', async () => {
    const r = await read(
      'timestamp,utilization\n2026-01-01T00:00:00Z,50\n2026-01-01T00:30:00Z,70\n2026-01-01T01:00:00Z,20\n',
    );
    expect(r.unit).toBe('percent');
    expect(r.rows).toBe(3);
    expect(r.hours.map((h) => h.utilization)).toEqual([0.6, 0.2]);
  });
  test('no header, fractions, a % sign makes it percent, CRLF and BOM', async () => {
    expect((await read('2026-01-01T00:00:00Z,0.5\n2026-01-01T01:00:00Z,0.7\n')).unit).toBe('fraction');
    expect((await read('\uFEFFtime,gpu_util\r\n2026-01-01T00:00:00Z,1 %\r\n')).hours[0]?.utilization).toBeCloseTo(
      0.01,
      15,
    );
  });
  test('several rows per timestamp are GPUs: averaged first', async () => {
    const r = await read('timestamp,utilization\n1767225600,0.2\n1767225600,0.6\n1767225660,1.0\n');
    expect(r.hours[0]?.utilization).toBeCloseTo(0.7, 15);
  });
  test('a fraction above 1 with unit: fraction is an error at its line and column', async () => {
    expect(
      await problem(read('timestamp,utilization\n2026-01-01T00:00:00Z,0.5\n2026-01-01T01:00:00Z,1.5\n', 'fraction')),
    ).toMatchObject({
      file: 'u.csv',
      line: 3,
      message: expect.stringContaining('above 1'),
    });
    expect(await problem(read('t,utilization\n2026-01-01T00:00:00Z,101\n'))).toMatchObject({
      line: 2,
      message: expect.stringContaining('above 100'),
    });
  });
  test.each([
    ['timestamp,utilization\nnot-a-time,0.5\n', { line: 2, column: 1, field: 'timestamp' }],
    ['timestamp,utilization\n2026-01-01T00:00:00Z,abc\n', { line: 2, column: 22, field: 'utilization' }],
    ['timestamp,utilization\n2026-01-01T00:00:00Z,-3\n', { line: 2, field: 'utilization' }],
    ['timestamp,utilization\n2026-01-01T00:00:00Z\n', { line: 2 }],
    ['when,load\n2026-01-01T00:00:00Z,1\n', { line: 1, message: expect.stringContaining('header') }],
    ['timestamp,utilization\n', { message: 'no utilization samples' }],
  ])('bad input %j', async (text, expected) => {
    expect(await problem(read(text))).toMatchObject(expected);
  });
  test('property: mangled rows are rejected with their line, never crash or pass silently', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('x', ',', '-', ':', 'T', '%', '"', '9'), minLength: 1, maxLength: 30 }),
        async (junk) => {
          const text = `timestamp,utilization\n2026-01-01T00:00:00Z,0.5\n${junk}\n`;
          try {
            const r = await read(text);
            expect(r.rows).toBe(2); // junk that happens to be a valid row
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            expect((e as InputError).problems[0]?.line).toBe(3);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('token CSV', () => {
  test('daily totals are summed per day', async () => {
    const r = await readTokensCsv(
      'timestamp,tokens\n2026-01-01,100\n2026-01-01,50\n2026-01-02,300\n',
      't.csv',
      'UTC',
      'auto',
    );
    expect(r.format).toBe('daily');
    expect(r.days.map((d) => d.tokens)).toEqual([150, 300]);
  });
  // The public trace lives in ../shared/data beside the repository (CI has it; a bare clone may not).
  const azure = new URL(
    '../../../../../shared/data/azure-llm-trace-2023/AzureLLMInferenceTrace_conv.csv',
    import.meta.url,
  );
  test.skipIf(!existsSync(azure))(
    'the real Azure LLM inference trace (conv) is a request trace summed per day',
    async () => {
      const path = azure;
      const text = readFileSync(path, 'utf8');
      const r = await readTokensCsv(text, 'conv.csv', 'UTC', 'auto');
      expect(r.format).toBe('request-trace');
      expect(r.rows).toBe(19366);
      // Independent sum of ContextTokens + GeneratedTokens over every row.
      const expected = text
        .trim()
        .split('\n')
        .slice(1)
        .reduce((s, l) => s + Number(l.split(',')[1]) + Number(l.split(',')[2]), 0);
      expect(r.days).toEqual([{ day: Date.UTC(2023, 10, 16) / 86_400_000, tokens: expected }]);
    },
  );
  test('a count of 400 digits (or any above 1e15) is a bad row, not infinity', async () => {
    expect(
      await problem(readTokensCsv(`timestamp,tokens\n2026-01-01,${'9'.repeat(400)}\n`, 't.csv', 'UTC', 'auto')),
    ).toMatchObject({
      line: 2,
      column: 12,
      field: 'tokens',
      message: expect.stringMatching(/^expected a token count from 0 to 1e15, got "9{39}…"$/),
    });
    const r = await readTokensCsv('timestamp,tokens\n2026-01-01,1000000000000000\n', 't.csv', 'UTC', 'auto');
    expect(r.days.map((d) => d.tokens)).toEqual([1e15]);
  });
  test('bad rows name line, column and column name', async () => {
    expect(
      await problem(
        readTokensCsv(
          'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.9799600,48x,10\n',
          't.csv',
          'UTC',
          'auto',
        ),
      ),
    ).toMatchObject({
      line: 2,
      column: 29,
      field: 'ContextTokens',
    });
    expect(await problem(readTokensCsv('day,count\n2026-01-01,5\n', 't.csv', 'UTC', 'auto'))).toMatchObject({
      line: 1,
    });
  });
});

describe('RFC 4180: a quoted field may hold line breaks', () => {
  // csv-parse, a well-kept RFC 4180 parser, is the reference: our hand-written splitter (kept
  // for speed, see docs/performance.md) must read every record it reads, field for field.
  const field = fc.stringMatching(/^[a-z0-9,"\n .%:-]{0,12}$/).filter((f) => f.trim() === f);
  const quoted = (f: string) => (/[,"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  test('property: records and fields agree with csv-parse', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => r.join('') !== ''),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          const text = rows.map((r) => r.map(quoted).join(',')).join(eol) + eol;
          const reference = parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
          const ours: string[][] = [];
          for await (const record of csvRecords(allLinesOf(text)))
            ours.push(splitFields(record.text).map((f) => f.value));
          expect(ours).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
  test('a utilization CSV with a multi-line note: every row read, a later bad row named at its own line', async () => {
    const text =
      'timestamp,utilization,note\n2026-01-01T00:00:00Z,0.5,"first\nsecond"\n2026-01-01T01:00:00Z,0.7,plain\n2026-01-01T02:00:00Z,oops,x\n';
    const r = await readUtilization(sourceOf(text), {
      format: 'csv',
      unit: 'auto',
      timeZone: 'UTC',
      maxBadRowFraction: 0.5,
      now: 0,
    });
    expect(r.summary.rows).toBe(3);
    expect(r.summary.badRows).toBe(1);
    expect(r.summary.badExamples[0]?.line).toBe(5); // the header, the two-line record, then lines 4 and 5
    expect(r.hours.map((h) => h.utilization)).toEqual([0.5, 0.7]);
  });
  test('a token history with a quoted line break', async () => {
    const r = await readTokensCsv(
      'timestamp,tokens,comment\n2026-01-01,100,"a\nb"\n2026-01-02,200,c\n',
      't.csv',
      'UTC',
      'auto',
    );
    expect(r.rows).toBe(2);
    expect(r.days.map((d) => d.tokens)).toEqual([100, 200]);
  });
});
