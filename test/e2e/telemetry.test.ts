import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cli, runPlacement, expectCleanError, REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-telemetry-');
const SHARED = join(REPO, '..', 'shared', 'data');
const scenario = join(tmp, 'fleet.yaml');
writeFileSync(
  scenario,
  `schemaVersion: 1
name: fleet
workload:
  referenceGpus: 2
  utilization: {assumed: 0.5}
options:
  cloud: {onDemandPerGpuHour: 2.99}
`,
);

const T0 = Date.UTC(2026, 9, 1);
const H = 3_600_000;
// Two GPUs, 48 hours, 5-minute samples: GPU 0 at 40 %, GPU 1 at 80 % → fleet 60 % every hour.
const points: Array<[number, number, number]> = [];
for (let t = T0; t < T0 + 48 * H; t += 300_000) points.push([t, 0, 40], [t, 1, 80]);
const nvidiaTime = (t: number) => new Date(t).toISOString().slice(0, 23).replaceAll('-', '/').replace('T', ' ');

const FORMATS: Array<[string, string, string[]]> = [
  [
    'nvidia-smi with header',
    [
      'timestamp, index, utilization.gpu [%], memory.used [MiB]',
      ...points.map(([t, g, u]) => `${nvidiaTime(t)}, ${g}, ${u} %, 1024 MiB`),
    ].join('\n'),
    [],
  ],
  [
    'nvidia-smi noheader,nounits',
    points.map(([t, g, u]) => `${nvidiaTime(t)}, ${g}, ${u}`).join('\n'),
    ['--utilization-format', 'nvidia-smi'],
  ],
  [
    'DCGM text exposition',
    points.map(([t, g, u]) => `DCGM_FI_DEV_GPU_UTIL{gpu="${g}",Hostname="n1"} ${u} ${t}`).join('\n'),
    [],
  ],
  [
    'Prometheus query_range',
    JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [0, 1].map((g) => ({
          metric: { gpu: String(g) },
          values: points.filter((p) => p[1] === g).map(([t, , u]) => [t / 1000, String(u)]),
        })),
      },
    }),
    [],
  ],
  [
    'generic CSV',
    ['timestamp,gpu,utilization', ...points.map(([t, g, u]) => `${t / 1000},${g},${u / 100}`)].join('\n'),
    [],
  ],
];

describe.each(FORMATS)('%s through stdin', (name, text, extra) => {
  const columns = name.includes('noheader') ? ['--columns', 'timestamp,index,utilization.gpu'] : [];
  test('analyze --utilization -', async () => {
    const withColumns = name.includes('noheader') ? scenarioWithColumns() : scenario;
    const r = cli(['analyze', withColumns, '--utilization', '-', '--json', ...extra], { input: `${text}\n` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.utilization.input).toMatchObject({
      source: '-',
      gpus: 2,
      rows: points.length,
      unit: name === 'generic CSV' ? 'fraction' : 'percent',
    });
    expect(report.utilization.mean).toBeCloseTo(0.6, 12);
    expect(report.utilization.window.coverage).toBeCloseTo(48 / (90 * 24), 12); // 48 hours in a 90-day window
  });
  test('gzip on stdin, and inspect', async () => {
    const r = cli(['inspect', '-', '--json', ...columns], { input: gzipSync(`${text}\n`) as unknown as string });
    expect(r.code).toBe(0);
    const inspection = JSON.parse(r.stdout);
    expect(inspection.summary).toMatchObject({ gzip: true, gpus: 2, rows: points.length, resolutionMs: 300_000 });
    expect(inspection.profile.mean).toBeCloseTo(0.6, 12);
  });
});

function scenarioWithColumns(): string {
  const file = join(tmp, 'noheader.yaml');
  writeFileSync(
    file,
    readFileSync(scenario, 'utf8').replace(
      '{assumed: 0.5}',
      '{assumed: 0.5, columns: "timestamp,index,utilization.gpu"}',
    ),
  );
  return file;
}

// Every real capture in ../shared/data/real, read by inspect and checked against a reading done
// here by hand: the nvidia-smi column found by its header name, the DCGM gauge by its line.
const REAL = join(SHARED, 'real');
const realCaptures = existsSync(REAL)
  ? [
      ...readdirSync(join(REAL, 'nvidia-gpu-exporter'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(REAL, 'nvidia-gpu-exporter', f)),
      join(REAL, 'datadog-dcgm', 'metrics.txt'),
    ]
  : [];
function independentUtilization(file: string): number {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  if (file.endsWith('.txt')) {
    const gauge = lines.find((l) => l.startsWith('DCGM_FI_DEV_GPU_UTIL{'))!;
    return (
      Number(
        gauge
          .slice(gauge.lastIndexOf('}') + 1)
          .trim()
          .split(/\s+/)[0],
      ) / 100
    );
  }
  const header = lines[0]!.split(',').map((h) => h.trim());
  const at = header.findIndex((h) => h.startsWith('utilization.gpu'));
  return Number.parseFloat(lines[1]!.split(',')[at]!.trim()) / 100;
}
describe.skipIf(realCaptures.length === 0)('real captures', () => {
  test.each(realCaptures.map((f) => [f.slice(REAL.length + 1), f]))(
    '%s: one sample, one GPU, the utilization it holds',
    async (_name, file) => {
      const r = await runPlacement(['inspect', file, '--json']);
      expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
      const j = JSON.parse(r.stdout);
      expect(j.summary).toMatchObject({ rows: 1, gpus: 1, unit: 'percent' });
      expect(j.profile.mean).toBeCloseTo(independentUtilization(file), 12);
    },
  );
});

describe('inspect', () => {
  test('the table view shows format, GPUs, range, resolution and the statistics', async () => {
    const file = join(tmp, 'util.csv');
    writeFileSync(file, FORMATS[0]![1]);
    const r = await runPlacement(['inspect', file]);
    expect(r.code).toBe(0);
    for (const s of [
      'format      nvidia-smi, unit percent',
      'GPUs        2',
      'resolution  5 min',
      'mean 60.0%',
      'range       2026-10-01T00:00:00Z → 2026-10-02T23:55:00Z',
    ])
      expect(r.stdout).toContain(s);
  });
  test.skipIf(!existsSync(SHARED))('tokens and a FOCUS bill are recognised by their headers', async () => {
    const trace = await runPlacement([
      'inspect',
      join(SHARED, 'azure-llm-trace-2023', 'AzureLLMInferenceTrace_code.csv'),
      '--json',
    ]);
    expect(JSON.parse(trace.stdout)).toMatchObject({
      kind: 'tokens',
      format: 'request-trace',
      counts: { dataRows: 8819 },
    });
    const bill = await runPlacement(['inspect', join(REPO, 'test', 'fixtures', 'focus-gpu-egress.csv')]);
    expect(bill.stdout).toContain('2026-10  data transfer 17,000 GB ($1,496)   GPU compute $163,799');
  });
  test('a headered CSV with its own column names: told which by name or number', async () => {
    const file = join(tmp, 'own-names.csv');
    writeFileSync(
      file,
      'host,ts,sm_busy,card\nn1,2026-01-01T00:00:00Z,55,0\nn1,2026-01-01T00:00:00Z,65,1\nn1,2026-01-01T01:00:00Z,75,0\n',
    );
    const guessed = await runPlacement(['inspect', file]);
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toMatch(
      /--time-column and --value-column with inspect\); the header has: host, ts, sm_busy, card/,
    );
    for (const args of [
      ['--time-column', 'ts', '--value-column', 'sm_busy', '--gpu-column', 'card'],
      ['--time-column', '2', '--value-column', '3', '--gpu-column', '4'],
    ]) {
      const r = await runPlacement(['inspect', file, '--json', ...args]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).summary).toMatchObject({ rows: 3, gpus: 2 });
    }
    const wrong = await runPlacement(['inspect', file, '--time-column', '0']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/expected a column number from 1 to 10000 or a header name, got "0"/);
  });
  test('bad input: exit 2 with the first bad lines, no stack', async () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(file, ['timestamp,utilization', '2026-01-01T00:00:00Z,50', 'oops,1', 'also,bad'].join('\n'));
    const r = await runPlacement(['inspect', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3:1: timestamp: cannot read "oops"/);
    expect(r.stderr).toMatch(/2 of 3 rows cannot be read/);
    expectCleanError(r.stderr);
    expect((await runPlacement(['inspect', join(tmp, 'none.csv')])).stderr).toMatch(/none\.csv: no such file/);
  });
});

describe('a FOCUS bill in the scenario', () => {
  test('egress comes from the bill and the model is reconciled with the billed GPU compute', async () => {
    const file = join(tmp, 'billed.yaml');
    writeFileSync(
      file,
      `schemaVersion: 1
name: billed
workload:
  referenceGpus: 8
  utilization: {assumed: 0.7}
  billing: {source: ${join(REPO, 'test', 'fixtures', 'focus-gpu-egress.csv')}}
options:
  cloud:
    onDemandPerGpuHour: 6.88
    egressTiers: [{uptoGB: 10240, perGB: 0.09}, {uptoGB: 51200, perGB: 0.085}, {perGB: 0.07}]
`,
    );
    const r = await runPlacement(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.traffic.internetGBPerMonth).toBe(16000); // (15,000 + 17,000) / 2 months
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('egress-from-billing');
    const model = ((8 * 0.7) / 0.7) * 730 * 6.88; // 40,179.2
    expect(report.billing).toMatchObject({
      months: 2,
      modelCloudCompute: expect.closeTo(model, 6),
      meanMonthly: { gpuComputeCost: expect.closeTo(162257.92, 6) },
    });
    expect(report.billing.difference).toBeCloseTo(model - 162257.92, 6);
    expect((await runPlacement(['analyze', file])).stdout).toMatch(/below the billed\s+GPU compute/);
  });
});

describe.skipIf(!existsSync(SHARED))('token and billing inputs through stdin', () => {
  test('the Azure request trace piped with --tokens -', async () => {
    const trace = readFileSync(join(SHARED, 'azure-llm-trace-2023', 'AzureLLMInferenceTrace_code.csv'));
    const r = cli(['analyze', scenario, '--tokens', '-', '--json'], { input: trace as unknown as string });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tokens).toMatchObject({ source: '-', days: 1, firstDay: '2023-11-16', cv: null, stable: null });
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('token-history-short');
  });
  test('a FOCUS bill from stdin, gzip-compressed', async () => {
    const file = join(tmp, 'bill-stdin.yaml');
    writeFileSync(
      file,
      readFileSync(scenario, 'utf8').replace('{assumed: 0.5}', '{assumed: 0.5}\n  billing: {source: "-"}'),
    );
    const bill = gzipSync(readFileSync(join(REPO, 'test', 'fixtures', 'focus-gpu-egress.csv')));
    const r = cli(['analyze', file, '--json'], { input: bill as unknown as string });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).billing).toMatchObject({
      months: 2,
      input: { source: '-', costColumn: 'EffectiveCost' },
    });
  });
});

test("a FOCUS bill's zone-less times are UTC even on a machine at UTC−7", async () => {
  const file = join(tmp, 'zoneless-bill.csv');
  writeFileSync(
    file,
    'ChargePeriodStart,EffectiveCost,ServiceCategory,ConsumedQuantity,ConsumedUnit,ChargeDescription\n2024-09-30 23:00:00,1,Compute,1,Hours,x\n2024-10-01 00:00:00,2,Compute,1,Hours,x\n',
  );
  const r = cli(['inspect', file, '--json'], { env: { TZ: 'America/Los_Angeles' } });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).months.map((m: { month: string; totalCost: number }) => [m.month, m.totalCost])).toEqual([
    ['2024-09', 1],
    ['2024-10', 2],
  ]);
});

test('a utilization file with a quoted line break reads through the byte fast path too', async () => {
  const file = join(tmp, 'noted-util.csv');
  writeFileSync(
    file,
    'timestamp,utilization,note\n2026-01-01T00:00:00Z,0.5,"first\nsecond"\n2026-01-01T01:00:00Z,0.7,plain\n',
  );
  const r = await runPlacement(['inspect', file, '--json']);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect([j.summary?.rows ?? j.rows, j.summary?.badRows ?? j.badRows]).toEqual([2, 0]);
});
