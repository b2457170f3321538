import { describe, expect, test } from 'vitest';
import { ProgressLine } from '../../../src/cli/progress.js';

describe('the progress line', () => {
  test('a store asked in parts: nothing in the first second, then parts and points, cleared at the end', () => {
    let now = 0;
    const out: string[] = [];
    const line = new ProgressLine(
      (t) => out.push(t),
      () => now,
    );
    const tell = line.store('http://prom:9090');
    tell(1, 4, 10_800);
    expect(out).toEqual([]);
    now = 1500;
    tell(2, 4, 21_600);
    expect(out).toEqual(['\r\u001b[Kplacement: asking http://prom:9090 · 2 of 4 parts · 21,600 points']);
    line.done();
    expect(out.at(-1)).toBe('\r\u001b[K');
  });
});
