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

describe('the progress line fits the terminal', () => {
  test('a long name is shortened from its start; the figures stay whole', () => {
    let now = 0;
    const out: string[] = [];
    const line = new ProgressLine(
      (t) => out.push(t),
      () => now,
      60,
    );
    now = 2000;
    line.hook('/data/telemetry/2026/q4/cluster-east/nvidia-smi-export.csv', 1e9, () => 5e8)(1_234_567);
    const text = out[0]!.replace('\r\u001b[K', '');
    expect(text).toBe('placement: reading …ort.csv 50% · 500.0 MB · 1,234,567 rows');
    expect(text.length).toBe(59);
    now += 500;
    line.store('https://mimir.example.internal/prometheus')(3, 12, 33_000);
    expect(out[1]!.replace('\r\u001b[K', '').length).toBeLessThanOrEqual(59);
  });
});
