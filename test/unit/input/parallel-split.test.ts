import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitNear } from '../../../src/input/parallel-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'placement-split-'));
const layout = { time: 0, delimiter: 44 };
const row = (hour: number, k: number) =>
  `2026/08/01 ${String(hour).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00.000, ${k % 8}, 50 %\n`;

describe('where a large file is cut: the first line of a later hour', () => {
  test('found past the first read window (10 MB of one hour, then the next)', async () => {
    const first = Array.from({ length: 300_000 }, (_, k) => row(3, k)).join('');
    const text = first + row(4, 0) + row(4, 1);
    const path = join(dir, 'late.csv');
    writeFileSync(path, text);
    expect(first.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(await splitNear(path, 1000, text.length, layout, 'UTC')).toBe(first.length);
  });
  test('none within the search: null (the file is read in one pass)', async () => {
    const text = Array.from({ length: 100_000 }, (_, k) => row(3, k)).join('');
    const path = join(dir, 'one-hour.csv');
    writeFileSync(path, text);
    expect(await splitNear(path, 10, text.length, layout, 'UTC')).toBeNull();
  });
  test('a line longer than a window: null', async () => {
    const text = row(3, 0) + 'x'.repeat(5 * 1024 * 1024) + '\n' + row(4, 0);
    const path = join(dir, 'long.csv');
    writeFileSync(path, text);
    expect(await splitNear(path, 10, text.length, layout, 'UTC')).toBeNull();
  });
  test('hours are those of the file zone clock, across the spring-forward gap', async () => {
    // Berlin, 29 March: 01:30 and 01:59 CET are 00:30 and 00:59 UTC; 03:00 CEST is 01:00 UTC.
    const text = '2026/03/29 01:30:00.000, 0, 5 %\n2026/03/29 01:59:00.000, 0, 5 %\n2026/03/29 03:00:00.000, 0, 5 %\n';
    const path = join(dir, 'dst.csv');
    writeFileSync(path, text);
    expect(await splitNear(path, 1, text.length, layout, 'Europe/Berlin')).toBe(text.indexOf('2026/03/29 03'));
  });
});
