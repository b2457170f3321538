import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { PARALLEL_FROM_BYTES } from '../../src/input/parallel-csv.js';
import { cli } from '../helpers/cli.js';

// A file large enough to be read on two threads, through the built command: the same report as
// the same file gzipped, which is read in one pass.
const generator = fileURLToPath(new URL('../../scripts/bench/generate-nvidia-smi.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'placement-parallel-'));
const csv = join(dir, 'big.csv');
const rows = Math.ceil((PARALLEL_FROM_BYTES * 1.05) / 44);
execFileSync(process.execPath, [generator, String(rows), csv]);
execFileSync('sh', ['-c', `gzip -1 -c '${csv}' > '${csv}.gz'`]);
const scenario = (source: string): string => {
  const file = join(dir, `${source.endsWith('.gz') ? 'gz' : 'plain'}.yaml`);
  writeFileSync(
    file,
    `schemaVersion: 1\nname: big\nwindow: {days: 3650}\nworkload:\n  referenceGpus: 8\n  utilization: {source: ${source}}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
  );
  return file;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a large export on two threads', () => {
  test('gives the report one pass gives, and it did start a reader thread', () => {
    expect(statSync(csv).size).toBeGreaterThan(PARALLEL_FROM_BYTES);
    const parallel = cli(['analyze', scenario(csv), '--json'], { env: { NODE_DEBUG: 'worker' } });
    const onePass = cli(['analyze', scenario(`${csv}.gz`), '--json']);
    expect(parallel.code).toBe(0);
    expect(onePass.code).toBe(0);
    expect(parallel.stderr).toMatch(/create new worker[\s\S]*csv-range-worker/);
    // The same file by another name: only its name and "gzip" may differ.
    const comparable = (out: string) => {
      const r = JSON.parse(out.replaceAll(`${csv}.gz`, csv).replaceAll('"gzip": true', '"gzip": false'));
      delete r.scenario;
      delete r.generatedAt;
      delete r.inputs;
      return r;
    };
    const a = comparable(parallel.stdout);
    const b = comparable(onePass.stdout);
    expect(a.utilization).toEqual(b.utilization);
    expect(a).toEqual(b);
  }, 120_000);
});
