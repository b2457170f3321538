import { resolveScenario, type ResolvedScenario } from '../../src/input/scenario/resolve.js';
import { scenarioSchema, type ScenarioInput } from '../../src/input/scenario/schema.js';

type Deep<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends ReadonlyArray<unknown>
    ? T[K]
    : NonNullable<T[K]> extends object
      ? Deep<NonNullable<T[K]>> | undefined
      : T[K];
};

function merge(a: unknown, b: unknown): unknown {
  if (b === undefined) return a;
  if (
    a === null ||
    b === null ||
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    Array.isArray(a) ||
    Array.isArray(b)
  )
    return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
  return out;
}

/** The worked example of MODEL.md §1 (32 GPUs, $4.10 on-demand, 4 × $280k servers), with overrides. */
export const BASE: ScenarioInput = {
  schemaVersion: 1,
  name: 'worked-example',
  workload: {
    referenceGpus: 32,
    utilization: { assumed: 0.55 },
    egress: { internetGBPerMonth: 12000 },
  },
  options: {
    cloud: {
      onDemandPerGpuHour: 4.1,
      egressTiers: [{ uptoGB: 10240, perGB: 0.09 }, { uptoGB: 51200, perGB: 0.085 }, { perGB: 0.07 }],
      crossZonePerGB: 0.01,
    },
    dedicated: { perGpuHour: 2.6 },
    onPrem: {
      gpusPerServer: 8,
      hardware: [{ name: '8x H100', unitCost: 280000, quantity: 4, usefulLifeMonths: 48, residualFraction: 0.1 }],
      financing: { annualRate: 0.07, termMonths: 36 },
      powerKwPerServer: 10.2,
      pue: 1.3,
      electricityPerKwh: 0.1,
      facilityPerKwMonth: 150,
      staff: { ftes: 0.5, costPerFteYear: 180000 },
      supportRatePerYear: 0.08,
      networkPerMonth: 1500,
      egressPerGB: 0.005,
    },
    edge: {
      sites: 4,
      gpusPerSite: 2,
      hardwareCostPerSite: 90000,
      usefulLifeMonths: 48,
      opexPerSiteMonth: 1200,
      powerKwPerSite: 3,
      electricityPerKwh: 0.14,
      backhaulGBPerMonth: 200,
      egressPerGB: 0.02,
    },
  },
};

export function scenario(
  overrides: Deep<ScenarioInput> = {},
  drop: Array<'dedicated' | 'onPrem' | 'edge'> = [],
): ResolvedScenario {
  // A deep copy: merge shares the parts it does not override, and `drop` deletes from them.
  const input = structuredClone(merge(BASE, overrides)) as ScenarioInput;
  for (const d of drop) delete (input.options as Record<string, unknown>)[d];
  return resolveScenario(scenarioSchema.parse(input));
}
