import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/build-report.js';
import { runPlacement } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-inputs-');
const SHARED = new URL('../../../shared/data/', import.meta.url).pathname;

async function analyze(
  utilization: string,
  extra = '',
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const file = join(tmp, `s-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `schemaVersion: 1\nname: inputs\n${extra}workload:\n  referenceGpus: 4\n  utilization: ${utilization}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
  );
  const r = await runPlacement(['analyze', file, '--json']);
  return { code: r.code, report: (r.code === 0 ? JSON.parse(r.stdout) : null) as Report, stderr: r.stderr };
}

describe('utilization inputs', () => {
  test('inline samples: averaged per hour, fractions', async () => {
    const { code, report } = await analyze(
      '{samples: [{t: "2026-11-01T10:00:00Z", u: 0.2}, {t: "2026-11-01T10:30:00Z", u: 0.6}, {t: "2026-11-01T11:00:00Z", u: 0.9}]}',
    );
    expect(code).toBe(0);
    expect(report.utilization.input).toMatchObject({ source: 'inline', rows: 3 });
    expect(report.utilization.mean).toBeCloseTo((0.4 + 0.9) / 2, 12);
    // A 90-day window ending at 12:00 on the last day: 89 × 24 + 12 hours, 2 of them measured.
    expect(report.utilization.window).toMatchObject({ end: '2026-11-01T12:00:00.000Z', coverage: 2 / 2148 });
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('low-coverage');
  });
  test.skipIf(!existsSync(SHARED))(
    'a real nvidia-smi CSV export (units in the header, "88 %" values) reads as percent',
    async () => {
      const { code, report } = await analyze(`{source: ${SHARED}telemetry-samples/nvidia-smi-timestamp-first.csv}`);
      expect(code).toBe(0);
      expect(report.utilization.input).toMatchObject({ unit: 'percent', rows: 8 });
      expect(report.utilization.mean).toBeCloseTo(3.65 / 8, 12); // (100+88+0+35+35+36+38+33) % / 8, one hour
    },
  );
  test('money in the scenario currency', async () => {
    const file = join(tmp, 'eur.yaml');
    writeFileSync(
      file,
      'schemaVersion: 1\nname: eur\ncurrency: EUR\nworkload:\n  referenceGpus: 4\n  utilization: {assumed: 0.5}\noptions:\n  cloud: {onDemandPerGpuHour: 2.5}\n',
    );
    const r = await runPlacement(['analyze', file]);
    expect(r.stdout).toContain('€5,214'); // 4 × 0.5 / 0.7 × 730 × 2.5 = 5,214.29
    expect(r.stdout).toContain('(EUR; * cheapest)');
  });
});
