import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readPrometheusJson } from '../../../../src/input/readers/prometheus-json.js';
import { emptyCounts } from '../../../../src/input/readers/row-reader.js';

/** The text in the given pieces, as a reader would receive chunks. */
async function* piecesOf(text: string, cuts: number[]): AsyncGenerator<string> {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of [...points, text.length]) {
    if (p > from) yield text.slice(from, p);
    from = Math.max(from, p);
  }
}

async function read(text: string, cuts: number[], split: boolean) {
  const samples: Array<[number, number, string | number]> = [];
  const counts = emptyCounts();
  try {
    const r = await readPrometheusJson(
      piecesOf(text, cuts),
      'p.json',
      (t, v, s) => samples.push([t, v, s]),
      counts,
      undefined,
      split,
    );
    return { samples, counts, r };
  } catch (e) {
    // Both ways refuse a broken answer; their parsers word the JSON error differently.
    return { error: (e as Error).message.startsWith('p.json') || (e as Error).message.includes('JSON') };
  }
}

const ws = fc.constantFrom('', ' ', '\n', '\n  ');
const pair = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }), fc.integer({ min: 0, max: 100 }), ws)
      .map(([t, v, w]) => `[${w}${t},${w}"${v}"${w}]`),
  },
  fc
    .tuple(fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }), fc.double({ min: 0, max: 100, noNaN: true }))
    .map(([t, v]) => `[${t}.5,"${v}"]`),
  // Decimals of seconds (3 are read directly, 4 go the general way) and readings of every shape.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }),
        fc.constantFrom('', '.1', '.25', '.999', '.0005', '.'),
        fc.oneof(
          fc.integer({ min: 0, max: 1_000_000 }).map((n) => String(n / 10_000)),
          fc.constantFrom(
            '5.',
            '05',
            '.5',
            '1e2',
            ' 5',
            '5 %',
            '0.6483',
            '1234567890123456',
            '99.999999',
            '98765432109876543',
            '12345678.123456789',
          ),
        ),
        ws,
      )
      .map(([t, frac, v, w]) => `[${t}${frac}${w},${w}"${v}"]`),
  },
  fc.constantFrom(
    '[1785000000,"NaN"]',
    '[1785000000,"a]b"]',
    '[1785000000,"\\u0035"]',
    '[1785000000,55]',
    '"x"',
    'null',
    '[1785000000]',
    '{"a":[1,2]}',
    '[1785000000,"-5"]',
  ),
);
// Now and then a list JSON refuses: a stray comma, a leading zero, a raw line break in a string.
const broken = fc.constantFrom(
  '',
  '',
  '',
  '',
  ',',
  ',,',
  '[01,"5"]',
  '[1785000000,"a\nb"]',
  '[1785000000,"5"] [1,"2"]',
);
const series = fc
  .tuple(fc.array(pair, { maxLength: 30 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), ws, fc.boolean(), broken)
  .map(([pairs, gpu, metricFirst, w, nested, bad]) => {
    const metric = `"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","gpu":"${gpu}","note":"values"}`;
    const list = bad === '' ? pairs : bad.startsWith(',') ? [...pairs, bad.slice(1)] : [bad, ...pairs];
    const values = `"values":${w}[${w}${list.join(`,${w}`)}${bad === ',' ? ',' : ''}${w}]`;
    // A "values" deeper in the element is not the series' points.
    const more = nested ? ',"info":{"values":[[1785000000,"7"]]}' : '';
    return `{${metricFirst ? `${metric},${values}` : `${values},${metric}`}${more}}`;
  });

describe('points read by the splitter equal the generic parser’s', () => {
  test('property: random range answers (odd points, escapes, keys in other places), any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(series, { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        async (list, cuts, extra) => {
          const other = extra ? ',"stats":{"values":[[1,"2"]]}' : '';
          const text = `{"status":"success","data":{"resultType":"matrix","result":[${list.join(',')}]${other}}}`;
          expect(await read(text, cuts, true)).toEqual(await read(text, cuts, false));
        },
      ),
      { numRuns: 400 },
    );
  });
  test('a truncated answer is refused both ways', async () => {
    const text =
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1785000000,"5"],[178';
    expect(await read(text, [40], true)).toEqual({ error: true });
    expect(await read(text, [40], false)).toEqual({ error: true });
  });
});
