import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { runPlacement } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-html-');

/** Debian's chromium (.ci/run installs it), or CHROMIUM=/path/to/chrome. */
const CHROMIUM = [
  process.env.CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p !== undefined && p !== '' && existsSync(p));

/** Headless, offline: every host name fails to resolve, so a page that fetched anything would show it. */
function chromium(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync(
    CHROMIUM as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--no-first-run',
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, stdout: r.stdout };
}

/** Width, height and the inflated pixel rows of a PNG (8-bit RGB/RGBA, as Chromium writes them). */
function readPng(file: string): { width: number; height: number; pixels: Buffer } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) };
}

describe('analyze --format html (issue 7)', async () => {
  const out = join(tmp, 'report.html');
  const run = await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--format', 'html', '--out', out]);
  const json = JSON.parse((await runPlacement(['analyze', 'scenarios/rag-enterprise.yaml', '--json'])).stdout);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';

  test('one self-contained page: nothing to fetch, no script', () => {
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:/i);
    expect(html.match(/<svg /g)).toHaveLength(3); // daily means, histogram, cost curve
    expect(html).toContain('<p class="verdict">hybrid-burst · firm · rag-enterprise</p>');
  });

  test('the chart marks each break-even where the report puts it, and draws every curve point', () => {
    const marks = [
      ...html.matchAll(
        /<g class="break-even opt-(\w+)" data-option="\w+" data-utilization="([\d.e-]+)"><line x1="([\d.]+)"/g,
      ),
    ];
    const expected = json.options.filter(
      (o: { id: string; breakEvenUtilization: number | null }) => o.id !== 'cloud' && o.breakEvenUtilization !== null,
    );
    expect(marks.map((m) => m[1])).toEqual(expected.map((o: { id: string }) => o.id));
    for (const [i, o] of expected.entries()) {
      const m = marks[i]!;
      expect(Number(m[2])).toBe(o.breakEvenUtilization);
      // The plot runs from x = 64 (0 %) to x = 704 (100 %).
      expect(Number(m[3])).toBeCloseTo(64 + 640 * o.breakEvenUtilization, 1);
    }
    for (const o of json.options) {
      const points = html.match(new RegExp(`<polyline class="line opt-${o.id}" points="([^"]+)"`))![1]!.split(' ');
      expect(points).toHaveLength(o.curve.length);
      expect(points[0]!.split(',')[0]).toBe('64');
      expect(points.at(-1)!.split(',')[0]).toBe('704');
    }
  });

  test('the threshold table shades the cheapest option of each column, as the report says', () => {
    const rows = [...html.matchAll(/<tr><td>([\w-]+)<\/td>(.*?)<\/tr>/g)]
      .filter((m) => ['cloud', 'dedicated', 'hybrid', 'on-prem'].includes(m[1]!))
      .slice(0, 4);
    const label: Record<string, string> = {
      cloud: 'cloud',
      dedicated: 'dedicated',
      hybrid: 'hybrid',
      onprem: 'on-prem',
    };
    json.thresholds.forEach((t: { cheapest: string }, col: number) => {
      const shaded = rows
        .filter((r) => [...r[2]!.matchAll(/<td class="([^"]*)"/g)][col]![1]!.includes('cheapest'))
        .map((r) => r[1]);
      expect(shaded).toEqual([label[t.cheapest]]);
    });
  });

  test.skipIf(CHROMIUM === undefined)(
    'headless Chromium opens it offline, lays out the charts and screenshots a page that is not blank',
    () => {
      const url = pathToFileURL(out).href;
      const dom = chromium(['--dump-dom', url]);
      expect(dom.code).toBe(0);
      expect(dom.stdout).toContain('hybrid-burst');
      expect(dom.stdout.match(/<svg /g)).toHaveLength(3);
      const shot = join(tmp, 'report.png');
      const r = chromium(['--window-size=1100,2600', `--screenshot=${shot}`, url]);
      expect(r.code).toBe(0);
      const png = readPng(shot);
      expect([png.width, png.height]).toEqual([1100, 2600]);
      // A blank page inflates to the row filter bytes and one colour; text, tables and charts to
      // many distinct bytes.
      expect(new Set(png.pixels).size).toBeGreaterThan(100);
    },
  );
});

describe("the history window in the scenario's own calendar days", () => {
  test("Europe/Berlin: the window's UTC start (22:00 the day before) is shown as the local first day, in both views", async () => {
    const json = JSON.parse((await runPlacement(['analyze', 'scenarios/multi-region-latency.yaml', '--json'])).stdout);
    expect(json.utilization.window.start).toBe('2026-10-17T22:00:00.000Z');
    expect(json.utilization.dailyMeans.at(-1).date).toBe('2026-11-16');
    expect((await runPlacement(['analyze', 'scenarios/multi-region-latency.yaml'])).stdout).toContain(
      'data/multi-region-util.csv: 2026-10-18 → 2026-11-16, 30-day window',
    );
    expect(
      (await runPlacement(['analyze', 'scenarios/multi-region-latency.yaml', '--format', 'html'])).stdout,
    ).toContain('data/multi-region-util.csv: 2026-10-18 → 2026-11-16, 30-day window');
  });
});
