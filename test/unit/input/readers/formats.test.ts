import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { detectUtilizationFormat, isNvidiaSmiMonitor } from '../../../../src/input/readers/detect-format.js';
import { readUtilization, type UtilizationReadOptions } from '../../../../src/input/read-utilization.js';
import { looksLatin1, openText } from '../../../../src/input/readers/text-source.js';
import { sourceOf } from '../../../helpers/lines.js';

const SAMPLES = new URL('../../../../../shared/data/telemetry-samples/', import.meta.url);
const haveShared = existsSync(SAMPLES);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES), 'utf8');
const NOW = Date.UTC(2026, 10, 22, 12);
const opts = (o: Partial<UtilizationReadOptions> = {}): UtilizationReadOptions => ({
  format: 'auto',
  unit: 'auto',
  timeZone: 'UTC',
  maxBadRowFraction: 0.01,
  now: NOW,
  ...o,
});
const read = (text: string, o: Partial<UtilizationReadOptions> = {}) => readUtilization(sourceOf(text), opts(o));
const H = 3_600_000;

describe.skipIf(!haveShared)('the real samples in shared/data/telemetry-samples', () => {
  test('nvidia-smi, index first, units in header and values', async () => {
    const r = await read(sample('nvidia-smi-index-first.csv'));
    expect(r.summary).toMatchObject({ format: 'nvidia-smi', unit: 'percent', rows: 3, gpus: 1, resolutionMs: 5000 });
    expect(r.hours).toEqual([{ hourStart: Date.UTC(2020, 10, 12, 13), utilization: 0.99 }]);
  });
  test('nvidia-smi, timestamp first, 1-second loop', async () => {
    const r = await read(sample('nvidia-smi-timestamp-first.csv'));
    expect(r.summary).toMatchObject({ format: 'nvidia-smi', rows: 8, resolutionMs: 1000 });
    expect(r.hours[0]?.utilization).toBeCloseTo(3.65 / 8, 12);
  });
  test('nvidia-smi with a uuid column and [N/A] in another field', async () => {
    const r = await read(sample('nvidia-smi-uuid-na.csv'));
    expect(r.summary).toMatchObject({ gpus: 1, rows: 2, unavailableRows: 0 });
    expect(r.hours[0]?.utilization).toBeCloseTo(0.85, 12);
  });
  test('nvidia-smi local times are read in the scenario zone', async () => {
    const r = await read(sample('nvidia-smi-index-first.csv'), { timeZone: 'Europe/Berlin' });
    expect(r.hours[0]?.hourStart).toBe(Date.UTC(2020, 10, 12, 12)); // 13:48 CET = 12:48 UTC
  });
  test('one DCGM exporter scrape: only DCGM_FI_DEV_GPU_UTIL, untimestamped → as of now, percent', async () => {
    const r = await read(sample('dcgm-exporter-scrape-l4.prom'));
    expect(r.summary).toMatchObject({ format: 'prometheus-text', unit: 'percent', rows: 1, untimestamped: 1, gpus: 1 });
    expect(r.hours).toEqual([{ hourStart: Math.floor(NOW / H) * H, utilization: 0 }]);
    expect(r.warnings.map((w) => w.code)).toContain('samples-untimestamped');
  });
  test('another DCGM metric by name, a ratio read as a fraction', async () => {
    const r = await read(sample('dcgm-exporter-scrape-l4.prom'), { metric: 'DCGM_FI_PROF_GR_ENGINE_ACTIVE' });
    expect(r.summary).toMatchObject({ unit: 'fraction', rows: 1 });
  });
});

describe('generated files with known statistics', () => {
  test('nvidia-smi noheader,nounits, two GPUs interleaved, columns from --query-gpu', async () => {
    const rows: string[] = [];
    for (let m = 0; m < 120; m++) {
      const t = new Date(Date.UTC(2026, 0, 1, 0, m))
        .toISOString()
        .replace('T', ' ')
        .replace('-', '/')
        .replace('-', '/')
        .replace('Z', '');
      rows.push(`${t}, 0, ${m < 60 ? 20 : 60}`, `${t}, 1, ${m < 60 ? 40 : 100}`);
    }
    await expect(read(rows.join('\n'))).rejects.toThrow(/columns/);
    const r = await read(rows.join('\n'), { columns: ['timestamp', 'index', 'utilization.gpu'] });
    expect(r.summary).toMatchObject({
      format: 'nvidia-smi',
      unit: 'percent',
      gpus: 2,
      rows: 240,
      resolutionMs: 60_000,
    });
    expect(r.hours.map((h) => h.utilization)).toEqual([0.3, 0.8]);
  });
  test('[N/A] and [Not Supported] readings are unavailable, not bad', async () => {
    const text =
      'timestamp, index, utilization.gpu [%]\n2026/01/01 00:00:00.000, 0, 50 %\n2026/01/01 00:00:01.000, 0, [N/A]\n2026/01/01 00:00:02.000, 0, [Not Supported]\n';
    const r = await read(text);
    expect(r.summary).toMatchObject({ rows: 3, unavailableRows: 2, badRows: 0, samples: 1 });
    expect(r.warnings.map((w) => w.code)).toContain('readings-unavailable');
    await expect(read('timestamp, utilization.gpu [%]\n2026/01/01 00:00:00.000, [N/A]\n')).rejects.toThrow(
      /all 1 readings are unavailable/,
    );
  });
  test('Prometheus text: concatenated scrapes with timestamps, HELP/TYPE, other metrics, several GPUs', async () => {
    const lines = ['# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).', '# TYPE DCGM_FI_DEV_GPU_UTIL gauge'];
    for (let i = 0; i < 4; i++) {
      const t = Date.UTC(2026, 0, 1, i);
      lines.push(`DCGM_FI_DEV_SM_CLOCK{gpu="0"} 1410 ${t}`);
      lines.push(`DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-a",Hostname="n1"} ${10 * i} ${t}`);
      lines.push(
        `DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-b",Hostname="n1",modelName="NVIDIA \\"L4\\""} ${10 * i + 20} ${t}`,
      );
    }
    const r = await read(lines.join('\n'));
    expect(r.summary).toMatchObject({ format: 'prometheus-text', gpus: 2, rows: 8, untimestamped: 0 });
    expect(r.hours.map((h) => h.utilization)).toEqual([0.1, 0.2, 0.3, 0.4]);
  });
  test('Prometheus API query_range: series per GPU, NaN unavailable, streamed in small chunks', async () => {
    const series = (gpu: string, vals: string[]) => ({
      metric: { __name__: 'DCGM_FI_DEV_GPU_UTIL', gpu, Hostname: 'n1' },
      values: vals.map((v, i) => [1767225600 + i * 1800, v]),
    });
    const doc = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [series('0', ['10', '30', '50', 'NaN']), series('1', ['30', '50', '70', '90'])],
      },
    });
    async function* chunked() {
      for (let i = 0; i < doc.length; i += 7) yield doc.slice(i, i + 7);
    }
    const r = await readUtilization({ ...sourceOf(''), chunks: chunked() }, opts());
    expect(r.summary).toMatchObject({
      format: 'prometheus-json',
      unit: 'percent',
      gpus: 2,
      rows: 8,
      unavailableRows: 1,
    });
    // hour 0: t0 (10, 30) → 20, t0+30m (30, 50) → 40: 30 %; hour 1: (50, 70) → 60, (90) → 90: 75 %
    expect(r.hours.map((h) => h.utilization)).toEqual([0.3, 0.75]);
  });
  test('Prometheus API: an aggregated fleet series as a fraction, an instant vector, and errors', async () => {
    const fleet = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1767225600, '0.5'],
              [1767229200, '0.7'],
            ],
          },
        ],
      },
    });
    expect((await read(fleet)).hours.map((h) => h.utilization)).toEqual([0.5, 0.7]);
    const vector = JSON.stringify({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { gpu: '0' }, value: [1767225600.123, '42'] }] },
    });
    expect((await read(vector)).summary).toMatchObject({ rows: 1, unit: 'percent' });
    await expect(read('{"status":"error","errorType":"bad_data","error":"parse error at char 4"}')).rejects.toThrow(
      /the Prometheus query failed: parse error at char 4/,
    );
    await expect(read('{"status":"success","data":{"resultType":"scalar","result":[1767225600,"1"]}}')).rejects.toThrow(
      /range query/,
    );
    await expect(read('{"status":"success","data":{"resultType":"matrix","result":[')).rejects.toThrow(
      /not a valid Prometheus API answer/,
    );
  });
  test('generic TSV with named columns and epoch milliseconds', async () => {
    const text = 'ts\tdev\tbusy\n1767225600000\ta\t0.25\n1767225600000\tb\t0.75\n1767229200000\ta\t1\n';
    const r = await read(text, { timestampColumn: 'ts', valueColumn: 'busy', gpuColumn: 'dev' });
    expect(r.summary).toMatchObject({ format: 'csv', unit: 'fraction', gpus: 2 });
    expect(r.hours.map((h) => h.utilization)).toEqual([0.5, 1]);
    await expect(read(text, { valueColumn: 'load' })).rejects.toThrow(/no column named "load"/);
  });
  test('quoted fields, trailing commas, CRLF, BOM, a repeated header', async () => {
    const text =
      '\uFEFF"timestamp","utilization",\r\n"2026-01-01T00:00:00Z","40",\r\n"timestamp","utilization",\r\n"2026-01-01T00:10:00Z","60",\r\n';
    const r = await read(text);
    expect(r.summary.rows).toBe(2);
    expect(r.hours[0]?.utilization).toBeCloseTo(0.5, 12);
  });
  test('out of order, duplicates and gaps are handled and reported', async () => {
    const text =
      'timestamp,gpu,utilization\n2026-01-01T02:00:00Z,0,50\n2026-01-01T00:00:00Z,0,30\n2026-01-01T00:00:00Z,0,30\n2026-01-01T05:00:00Z,0,70\n';
    const r = await read(text);
    expect(r.summary).toMatchObject({ outOfOrder: 1, duplicates: 1, samples: 3 });
    expect(r.hours.map((h) => h.hourStart)).toEqual([0, 2, 5].map((h) => Date.UTC(2026, 0, 1, h)));
    expect(Object.fromEntries(r.warnings.map((w) => [w.code, w.args]))).toMatchObject({
      'samples-out-of-order': { samples: 1 },
      'samples-duplicated': { samples: 1 },
      'history-gaps': { gaps: 2, longestHours: 2 },
    });
  });
  test('bad rows: left out and reported under the tolerance, refused above it with the first lines', async () => {
    const good = Array.from(
      { length: 199 },
      (_, i) => `2026-01-01T00:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}Z,50`,
    );
    const one = ['timestamp,utilization', ...good.slice(0, 100), 'garbage,row', ...good.slice(100)].join('\n');
    const r = await read(one, { maxBadRowFraction: 0.01 });
    expect(r.summary).toMatchObject({ badRows: 1, rows: 200 });
    expect(r.warnings[0]).toMatchObject({ code: 'bad-rows-skipped', args: { badRows: 1, rows: 200, firstLine: 102 } });
    const many = ['timestamp,utilization', ...good.slice(0, 20), ...Array.from({ length: 8 }, () => 'x,y')].join('\n');
    try {
      await read(many);
      throw new Error('expected a refusal');
    } catch (e) {
      const problems = (e as InputError).problems;
      expect(problems.slice(0, 5).map((p) => p.line)).toEqual([22, 23, 24, 25, 26]);
      expect(problems.at(-1)?.message).toMatch(
        /^8 of 28 rows cannot be read \(28\.57 %, above the 1\.00 % tolerance\); 3 more not shown/,
      );
    }
  });
  test('gzip is recognised by its bytes, from a file or stdin', async () => {
    const gz = gzipSync('timestamp,utilization\n2026-01-01T00:00:00Z,0.5\n');
    const src = await openText('-', 'stdin', Readable.from([gz.subarray(0, 5), gz.subarray(5)]));
    const r = await readUtilization(src, opts());
    expect(r.summary).toMatchObject({ gzip: true, rows: 1 });
    const broken = await openText('-', 'stdin', Readable.from([gz.subarray(0, 20)]));
    await expect(readUtilization(broken, opts())).rejects.toThrow(/not a readable gzip file/);
  });
  test('a gzip file of several hundred kilobytes (handed to zlib in pieces) reads as its plain text', async () => {
    // Pseudo-random readings, so that the compressed file spans many of the pieces.
    let x = 7;
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      x = (x * 48_271) % 2_147_483_647;
      return `${new Date(Date.UTC(2026, 0, 1) + i * 15_000).toISOString()},${(x % 10_000) / 10_000}`;
    });
    const text = `timestamp,utilization\n${rows.join('\n')}\n`;
    const gz = gzipSync(text);
    expect(gz.length).toBeGreaterThan(4 * 64 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'placement-gz-'));
    try {
      writeFileSync(join(dir, 'u.csv.gz'), gz);
      const plain = await readUtilization(await openText('-', 'stdin', Readable.from([Buffer.from(text)])), opts());
      const zipped = await readUtilization(await openText(join(dir, 'u.csv.gz')), opts());
      expect(zipped.hours).toEqual(plain.hours);
      expect(zipped.summary).toMatchObject({ gzip: true, rows: 60_000 });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
  test('a reader that stops after the first chunk leaves no read in flight and no file open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placement-stop-'));
    try {
      const file = join(dir, 'big.csv');
      writeFileSync(file, 'x'.repeat(3 * 1024 * 1024));
      const openFds = () => readdirSync('/proc/self/fd').length;
      const before = openFds();
      const src = await openText(file);
      const bytes = (src.bytes as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      expect((await bytes.next()).value).toHaveLength(1024 * 1024);
      await bytes.return?.(undefined);
      expect(openFds()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
  test('property: a UTF-16 file (either byte order, cut anywhere) reads as its UTF-8 twin', async () => {
    const text =
      'timestamp,utilization\n' +
      Array.from({ length: 24 }, (_, h) => `2026-01-01T${String(h).padStart(2, '0')}:00:00Z,${40 + h} %\n`).join('');
    const utf8 = await readUtilization(await openText('-', 'stdin', Readable.from([Buffer.from(text)])), opts());
    const le = Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(text, 'utf16le').swap16()]);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: le.length - 1 }), { maxLength: 6 }),
        async (bigEndian, cuts) => {
          const bytes = bigEndian ? be : le;
          const at = [0, ...new Set(cuts)].sort((a, b) => a - b);
          const chunks = at.map((c, i) => bytes.subarray(c, at[i + 1] ?? bytes.length));
          const r = await readUtilization(await openText('-', 'stdin', Readable.from(chunks)), opts());
          expect(r.summary).toEqual(utf8.summary);
          expect(r.hours).toEqual(utf8.hours);
        },
      ),
      { numRuns: 60 },
    );
  });
  test('a Latin-1 file (a GPU named "Düsseldorf-0" in one byte per letter) reads as its UTF-8 twin', async () => {
    const text =
      'gpu,timestamp,utilization\nDüsseldorf-0,2026-01-01T00:00:00Z,50\nDüsseldorf-1,2026-01-01T00:00:00Z,70\n';
    const utf8 = await readUtilization(await openText('-', 'stdin', Readable.from([Buffer.from(text)])), opts());
    const latin1 = await readUtilization(
      await openText('-', 'stdin', Readable.from([Buffer.from(text, 'latin1')])),
      opts(),
    );
    expect(latin1.summary).toEqual(utf8.summary);
    expect(latin1.summary.gpus).toBe(2);
    expect(looksLatin1(Buffer.from(text, 'latin1'))).toBe(true);
    // UTF-8 cut inside its last character is still UTF-8.
    expect(looksLatin1(Buffer.from(text).subarray(0, text.indexOf('ü') + 1))).toBe(false);
  });
  test('format detection from the first line', () => {
    expect(detectUtilizationFormat('  {"status":"success"')).toBe('prometheus-json');
    expect(detectUtilizationFormat('# HELP x\n')).toBe('prometheus-text');
    expect(detectUtilizationFormat('DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5\n')).toBe('prometheus-text');
    expect(detectUtilizationFormat('DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-1"} 5 1767225600000\n')).toBe(
      'prometheus-text',
    );
    expect(detectUtilizationFormat('index, timestamp, utilization.gpu [%]\n')).toBe('nvidia-smi');
    expect(detectUtilizationFormat('2026/01/01 00:00:00.000, 0, 50\n')).toBe('nvidia-smi');
    expect(detectUtilizationFormat('timestamp,utilization\n')).toBe('csv');
  });
  test.each([
    [
      'dmon',
      '# gpu   pwr gtemp mtemp    sm   mem   enc   dec  mclk  pclk\n# Idx     W     C     C     %     %     %     %   MHz   MHz\n    0    43    48     -     0     0     0     0   877   210\n',
    ],
    [
      'dmon -o DT',
      '#Date       Time        gpu   pwr gtemp mtemp    sm   mem\n#YYYYMMDD   HH:MM:SS    Idx     W     C     C     %     %\n 20260101   00:00:00      0    43    48     -    12     3\n',
    ],
    [
      'pmon',
      '# gpu         pid   type     sm    mem    enc    dec    command\n# Idx           #    C/G      %      %      %      %    name\n    0          -     -      -      -      -      -    -\n',
    ],
  ])('nvidia-smi %s output is named as such, with the command that records a history', async (_what, text) => {
    await expect(read(text)).rejects.toThrow(
      /this is nvidia-smi dmon output, a table for the screen; record a history with nvidia-smi --query-gpu=timestamp,index,utilization\.gpu --format=csv -l 60/,
    );
  });
  test('Prometheus text that starts with a comment is still Prometheus text', () => {
    expect(isNvidiaSmiMonitor('# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n')).toBe(false);
    expect(isNvidiaSmiMonitor('# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n')).toBe(false);
  });
});

describe('property: random valid rows and mangled rows, every reader', () => {
  const T0 = Date.UTC(2026, 0, 1);
  const valid = fc.array(
    fc.record({
      minute: fc.integer({ min: 0, max: 600 }),
      gpu: fc.integer({ min: 0, max: 3 }),
      pct: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 60 },
  );
  // CSV dialects read quotes as RFC 4180 does (an open quote runs on into the next line), so
  // their junk pairs its quotes; Prometheus text gets stray ones too.
  const junkOf = (quote: string) =>
    fc.array(
      fc.string({ unit: fc.constantFrom('x', '{', quote, ' ', '=', '#', '}', 'q'), minLength: 1, maxLength: 12 }),
      { maxLength: 5 },
    );
  const junk = junkOf('"');
  const pairedJunk = junkOf('""');

  /** Independent oracle: hourly mean of per-timestamp means over the valid rows (duplicates per GPU and time counted once). */
  function oracle(rows: Array<{ minute: number; gpu: number; pct: number }>): Map<number, number> {
    const seen = new Map<string, number>();
    for (const r of rows) if (!seen.has(`${r.gpu}@${r.minute}`)) seen.set(`${r.gpu}@${r.minute}`, r.pct);
    const byTime = new Map<number, number[]>();
    for (const [k, pct] of seen) {
      const minute = Number(k.split('@')[1]);
      byTime.set(minute, [...(byTime.get(minute) ?? []), pct]);
    }
    const byHour = new Map<number, number[]>();
    for (const [minute, v] of byTime)
      byHour.set(Math.floor(minute / 60), [
        ...(byHour.get(Math.floor(minute / 60)) ?? []),
        v.reduce((a, b) => a + b) / v.length,
      ]);
    return new Map([...byHour].map(([h, v]) => [h, v.reduce((a, b) => a + b) / v.length / 100]));
  }
  const formats: Array<
    [string, (r: { minute: number; gpu: number; pct: number }) => string, string, (j: string) => string]
  > = [
    [
      'csv',
      (r) => `${new Date(T0 + r.minute * 60_000).toISOString()},${r.gpu},${r.pct}`,
      'timestamp,gpu,utilization',
      (j) => `${j},1`,
    ],
    [
      'nvidia-smi',
      (r) =>
        `${new Date(T0 + r.minute * 60_000).toISOString().slice(0, 19).replaceAll('-', '/').replace('T', ' ')}.000, ${r.gpu}, ${r.pct} %`,
      'timestamp, index, utilization.gpu [%]',
      (j) => `2026/01/01 00:00:00.000, 0, ${j}`,
    ],
    [
      'prometheus-text',
      (r) => `DCGM_FI_DEV_GPU_UTIL{gpu="${r.gpu}"} ${r.pct} ${T0 + r.minute * 60_000}`,
      '# TYPE DCGM_FI_DEV_GPU_UTIL gauge',
      (j) => `DCGM_FI_DEV_GPU_UTIL{gpu="0"} ${j}`,
    ],
  ];
  test.each(formats)('%s', async (format, row, header, mangle) => {
    await fc.assert(
      fc.asyncProperty(
        valid,
        format === 'prometheus-text' ? junk : pairedJunk,
        fc.integer({ min: 0, max: 1000 }),
        async (rows, junkLines, seed) => {
          // Each GPU's rows in time order, as exporters write them; junk spliced in at seeded places.
          const sorted = [...rows].sort((a, b) => a.minute - b.minute || a.gpu - b.gpu);
          const lines = sorted.map(row);
          junkLines.forEach((j, i) => lines.splice((seed + i * 7) % (lines.length + 1), 0, mangle(j)));
          const r = await read([header, ...lines].join('\n'), {
            format: format as 'csv',
            unit: 'percent',
            maxBadRowFraction: 1,
          });
          expect(r.summary.badRows).toBe(junkLines.length);
          const expected = oracle(sorted);
          expect(r.hours.map((h) => (h.hourStart - T0) / H)).toEqual([...expected.keys()].sort((a, b) => a - b));
          for (const h of r.hours) expect(h.utilization).toBeCloseTo(expected.get((h.hourStart - T0) / H) as number, 9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('units decided by what the data says it is', () => {
  const answer = (name: string | null, values: string[]) =>
    JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { ...(name === null ? {} : { __name__: name }), gpu: '0' },
            values: values.map((v, i) => [1767225600 + i * 3600, v]),
          },
        ],
      },
    });
  const readJson = (text: string) =>
    readUtilization(sourceOf(text, 'answer.json'), {
      format: 'prometheus-json',
      unit: 'auto',
      timeZone: 'UTC',
      maxBadRowFraction: 0,
      now: 0,
    });
  test('an idle DCGM_FI_DEV_GPU_UTIL answer that never exceeds 1 is still percent', async () => {
    const r = await readJson(answer('DCGM_FI_DEV_GPU_UTIL', ['0', '1', '1', '0']));
    expect(r.summary.unit).toBe('percent');
    expect(Math.max(...r.hours.map((h) => h.utilization))).toBeCloseTo(0.01, 12);
  });
  test('a _ratio metric is a fraction; without a name the values decide', async () => {
    expect((await readJson(answer('nvidia_smi_utilization_gpu_ratio', ['0.5', '0.7']))).summary.unit).toBe('fraction');
    expect((await readJson(answer(null, ['0.5', '0.7']))).summary.unit).toBe('fraction');
    expect((await readJson(answer(null, ['50', '70']))).summary.unit).toBe('percent');
  });
  test('an answer for another metric is read, with a warning', async () => {
    const r = await readJson(answer('DCGM_FI_DEV_POWER_USAGE', ['50', '70']));
    expect(r.warnings.map((w) => w.code)).toContain('metric-not-utilization');
  });
  test('a CSV mixing fractions and percents is read as percent, with a warning naming the first fraction', async () => {
    const text = 'timestamp,utilization\n2026-01-01T00:00:00Z,60\n2026-01-01T01:00:00Z,0.5\n2026-01-01T02:00:00Z,70\n';
    const r = await readUtilization(sourceOf(text), {
      format: 'csv',
      unit: 'auto',
      timeZone: 'UTC',
      maxBadRowFraction: 0,
      now: 0,
    });
    expect(r.summary.unit).toBe('percent');
    expect(r.warnings.find((w) => w.code === 'mixed-units')?.args).toMatchObject({ values: 1, line: 3 });
    // Stated, no warning.
    const stated = await readUtilization(sourceOf(text), {
      format: 'csv',
      unit: 'percent',
      timeZone: 'UTC',
      maxBadRowFraction: 0,
      now: 0,
    });
    expect(stated.warnings.map((w) => w.code)).not.toContain('mixed-units');
  });
});
