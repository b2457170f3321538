import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../../src/present/html-escape.js';
import { niceTicks } from '../../../src/present/svg-charts.js';

describe('HTML view helpers (issue 7)', () => {
  test('axis ticks: round steps of 1, 2 or 5 × 10^k from 0 past the top', () => {
    expect(niceTicks(121_858)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceTicks(9.2)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0)).toEqual([0]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (top) => {
        const t = niceTicks(top);
        const step = (t[1] as number) - (t[0] as number);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        expect(t.at(-1)).toBeGreaterThanOrEqual(top);
        expect(t.length).toBeLessThanOrEqual(12);
      }),
    );
  });
  test('escaping: no markup survives, and the text comes back unchanged', () => {
    expect(escapeHtml('<b a="1">R&D\'s</b>')).toBe('&lt;b a=&quot;1&quot;&gt;R&amp;D&#39;s&lt;/b&gt;');
    const unescape = (s: string) =>
      s.replace(
        /&(lt|gt|quot|#39|amp);/g,
        (_, k: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[k] as string,
      );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(unescape(out)).toBe(s);
      }),
    );
  });
});
