import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError, type InputProblem } from '../../../../src/errors.js';
import { parseScenarioText } from '../../../../src/input/scenario/parse-scenario.js';

const GOOD = `schemaVersion: 1
name: t
workload:
  referenceGpus: 8
  utilization: {assumed: 0.5}
options:
  cloud: {onDemandPerGpuHour: 2.99}
`;

function problems(text: string): InputProblem[] {
  try {
    parseScenarioText(text, 's.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario defaults (MODEL.md §1)', () => {
  test('a minimal scenario gets every documented default', () => {
    const s = parseScenarioText(GOOD, 's.yaml');
    expect(s).toMatchObject({
      currency: 'USD',
      horizonMonths: 36,
      discountRate: 0.08,
      thresholds: [0.4, 0.6, 0.7],
      window: { days: 90 },
      timezone: 'UTC',
      workload: {
        egress: { internetGBPerMonth: 0 },
        modelChanges: [],
        constraints: { sovereignty: false, servingTtftMs: 150, retrievalLatencyMs: 0, regions: [], agentic: false },
      },
      options: { cloud: { targetUtilization: 0.7, minWarmGpus: 0, egressTiers: [], crossZonePerGB: 0 } },
    });
  });
  test('dedicated.gpus defaults to referenceGpus; onPrem.servers to ceil(N / gpusPerServer)', () => {
    const s = parseScenarioText(
      `${GOOD}  dedicated: {perGpuHour: 2}
  onPrem:
    gpusPerServer: 8
    hardware: [{name: n, unitCost: 1, usefulLifeMonths: 48}]
    powerKwPerServer: 10
    pue: 1.3
    electricityPerKwh: 0.1
    facilityPerKwMonth: 150
    staff: {ftes: 1, costPerFteYear: 1}
`.replace('referenceGpus: 8', 'referenceGpus: 20'),
      's.yaml',
    );
    expect(s.options.dedicated?.gpus).toBe(20);
    expect(s.options.onPrem?.servers).toBe(3);
    expect(s.options.onPrem?.hardware[0]).toMatchObject({
      quantity: 1,
      purchaseMonth: 0,
      method: 'straight-line',
      residualFraction: 0,
    });
  });
  test('JSON scenarios parse the same', () => {
    const json = JSON.stringify({
      schemaVersion: 1,
      name: 't',
      workload: { referenceGpus: 8, utilization: { assumed: 0.5 } },
      options: { cloud: { onDemandPerGpuHour: 2.99 } },
    });
    expect(parseScenarioText(json, 's.json')).toEqual(parseScenarioText(GOOD, 's.yaml'));
  });
});

describe('scenario errors name file, line, column, field and what is valid', () => {
  test.each([
    [
      'a typo',
      GOOD.replace('assumed', 'asumed'),
      {
        line: 5,
        column: 17,
        field: 'workload.utilization.asumed',
        message: expect.stringMatching(
          /unknown key \(did you mean "assumed"\?\); valid here: source, format, unit, samples, assumed/,
        ),
      },
    ],
    [
      'a negative price',
      GOOD.replace('2.99', '-2.99'),
      { line: 7, column: 31, field: 'options.cloud.onDemandPerGpuHour', message: 'must be > 0, got number -2.99' },
    ],
    [
      'a fraction above 1',
      GOOD.replace('0.5}', '55}'),
      { line: 5, field: 'workload.utilization.assumed', message: expect.stringContaining('write 63 % as 0.63') },
    ],
    [
      'a missing required field',
      GOOD.replace('  referenceGpus: 8\n', ''),
      {
        line: 4,
        field: 'workload.referenceGpus',
        message: 'is required: expected the whole number of GPUs the history was measured on',
      },
    ],
    [
      'a wrong schemaVersion',
      GOOD.replace('schemaVersion: 1', 'schemaVersion: 2'),
      { line: 1, column: 16, field: 'schemaVersion', message: 'must be 1, got number 2' },
    ],
    [
      'an unknown enum value',
      GOOD.replace('{assumed: 0.5}', '{assumed: 0.5, unit: percents}'),
      {
        field: 'workload.utilization.unit',
        message: expect.stringContaining('expected one of "auto", "percent", "fraction"'),
      },
    ],
    [
      'neither alternative of a field that takes two',
      GOOD.replace('utilization: {assumed: 0.5}', 'utilization: {assumed: 0.5}\n  growthPerMonth: fast'),
      {
        line: 6,
        field: 'workload.growthPerMonth',
        message: 'expected a number or "fitted", got the text "fast"',
      },
    ],
    [
      'a whole number wanted',
      GOOD.replace('referenceGpus: 8', 'referenceGpus: 8.5'),
      { field: 'workload.referenceGpus', message: 'expected a whole number, got number 8.5' },
    ],
    [
      'no utilization at all',
      GOOD.replace('{assumed: 0.5}', '{unit: percent}'),
      { field: 'workload.utilization', message: expect.stringContaining('needs a history') },
    ],
    [
      'a factor without declining-balance',
      `${GOOD}  onPrem: {gpusPerServer: 8, hardware: [{name: n, unitCost: 1, usefulLifeMonths: 48, factor: 1.5}], powerKwPerServer: 1, pue: 1.2, electricityPerKwh: 0.1, facilityPerKwMonth: 1, staff: {ftes: 1, costPerFteYear: 1}}\n`,
      { field: 'options.onPrem.hardware[0].factor', message: expect.stringContaining('declining-balance only') },
    ],
    [
      'both hardware and a lease',
      `${GOOD}  onPrem: {gpusPerServer: 8, hardware: [{name: n, unitCost: 1, usefulLifeMonths: 48}], lease: {monthlyPerServer: 9000, termMonths: 24}, powerKwPerServer: 1, pue: 1.2, electricityPerKwh: 0.1, facilityPerKwMonth: 1, staff: {ftes: 1, costPerFteYear: 1}}\n`,
      { field: 'options.onPrem.lease', message: expect.stringContaining('either hardware (bought) or lease') },
    ],
    [
      'neither hardware nor a lease',
      `${GOOD}  onPrem: {gpusPerServer: 8, powerKwPerServer: 1, pue: 1.2, electricityPerKwh: 0.1, facilityPerKwMonth: 1, staff: {ftes: 1, costPerFteYear: 1}}\n`,
      { field: 'options.onPrem.hardware', message: expect.stringContaining('or a lease instead') },
    ],
    [
      'an unknown depreciation method',
      `${GOOD}  onPrem: {gpusPerServer: 8, hardware: [{name: n, unitCost: 1, usefulLifeMonths: 48, method: units-of-production}], powerKwPerServer: 1, pue: 1.2, electricityPerKwh: 0.1, facilityPerKwMonth: 1, staff: {ftes: 1, costPerFteYear: 1}}\n`,
      { field: 'options.onPrem.hardware[0].method', message: expect.stringContaining('"sum-of-years-digits"') },
    ],
    [
      'egress tiers out of order',
      GOOD.replace(
        '{onDemandPerGpuHour: 2.99}',
        '{onDemandPerGpuHour: 2.99, egressTiers: [{uptoGB: 100, perGB: 0.1}, {uptoGB: 50, perGB: 0.09}, {perGB: 0.05}]}',
      ),
      { field: 'options.cloud.egressTiers[1].uptoGB', message: expect.stringContaining('cumulative') },
    ],
    [
      'an open tier before the last',
      GOOD.replace(
        '{onDemandPerGpuHour: 2.99}',
        '{onDemandPerGpuHour: 2.99, egressTiers: [{perGB: 0.1}, {perGB: 0.09}]}',
      ),
      { field: 'options.cloud.egressTiers[0].uptoGB' },
    ],
    [
      'traffic shares above 1',
      GOOD.replace(
        '{assumed: 0.5}',
        '{assumed: 0.5}\n  constraints: {regions: [{name: a, trafficShare: 0.7, rttMs: 1}, {name: b, trafficShare: 0.7, rttMs: 1}]}',
      ),
      { field: 'workload.constraints.regions', message: expect.stringContaining('add up to 1.4') },
    ],
    [
      'an unknown time zone',
      `timezone: Mars/Olympus\n${GOOD}`,
      { line: 1, field: 'timezone', message: expect.stringContaining('IANA') },
    ],
    [
      'an unreadable sample time',
      GOOD.replace('{assumed: 0.5}', '{samples: [{t: "soon", u: 0.5}]}'),
      { field: 'workload.utilization.samples[0].t' },
    ],
    [
      'a telemetry format it does not know',
      GOOD.replace('{assumed: 0.5}', '{source: x.csv, format: dcgm}'),
      { field: 'workload.utilization.format', message: expect.stringContaining('"prometheus-text"') },
    ],
    [
      'a store step that is no duration',
      GOOD.replace('{assumed: 0.5}', '{prometheus: {url: "http://p:9090", step: 90}}'),
      { field: 'workload.utilization.prometheus.step' },
    ],
    [
      'a store step that does not fit an hour',
      GOOD.replace('{assumed: 0.5}', '{prometheus: {url: "http://p:9090", step: 7m}}'),
      {
        field: 'workload.utilization.prometheus.step',
        message: 'is not a whole part of an hour; expected 15s, 30s, 1m, 5m, 15m or 1h',
      },
    ],
    [
      'a CA file for a plain http store',
      GOOD.replace('{assumed: 0.5}', '{prometheus: {url: "http://p:9090", caFile: ca.pem}}'),
      { field: 'workload.utilization.prometheus.caFile', message: 'goes with an https:// address' },
    ],
    [
      'an invalid GPU pattern',
      GOOD.replace('{assumed: 0.5}', '{assumed: 0.5}\n  billing: {source: b.csv, gpuPattern: "p5("}'),
      {
        field: 'workload.billing.gpuPattern',
        message: expect.stringMatching(/^not a regular expression this tool runs \(RE2 syntax/),
      },
    ],
    [
      'no cloud option',
      GOOD.replace('  cloud: {onDemandPerGpuHour: 2.99}\n', '  dedicated: {perGpuHour: 2}\n'),
      { field: 'options.cloud', message: 'is required: expected a mapping of fields' },
    ],
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toContainEqual(expect.objectContaining({ file: 's.yaml', ...expected }));
  });
  test('every problem at once, in file order', () => {
    const list = problems(
      GOOD.replace('2.99', '-1').replace('assumed: 0.5', 'assumed: 2').replace('name: t', 'name: t\nhorizon: 3'),
    );
    expect(list.map((p) => p.field)).toEqual([
      'horizon',
      'workload.utilization.assumed',
      'options.cloud.onDemandPerGpuHour',
    ]);
  });
  test.each([
    [
      'malformed YAML',
      'name: [unclosed\nworkload: 1\n',
      { line: 2, message: expect.stringContaining('not valid YAML or JSON') },
    ],
    ['an empty file', '', { message: expect.stringContaining('the file is empty') }],
    [
      'a list instead of a mapping',
      '- 1\n- 2\n',
      { line: 1, message: expect.stringContaining('expected a scenario mapping') },
    ],
    ['duplicate keys', `${GOOD}name: again\n`, { message: expect.stringContaining('unique') }],
  ])('%s', (_, text, expected) => {
    expect(problems(text)[0]).toMatchObject(expected);
  });
});

describe('bundled scenarios', () => {
  const dir = new URL('../../../../scenarios/', import.meta.url);
  test.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('%s validates', (f) => {
    expect(() => parseScenarioText(readFileSync(new URL(f, dir), 'utf8'), f)).not.toThrow();
  });
});
