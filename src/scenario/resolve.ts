import type { DedicatedOption, EdgeOption, OnPremOption, Scenario } from './schema.js';

/** A scenario with the defaults that depend on other fields filled in (MODEL.md §1). */
export interface ResolvedScenario extends Omit<Scenario, 'options'> {
  options: {
    cloud: Scenario['options']['cloud'];
    dedicated?: DedicatedOption;
    onPrem?: OnPremOption;
    edge?: EdgeOption;
  };
}

/** dedicated.gpus defaults to referenceGpus; onPrem.servers to ceil(referenceGpus / gpusPerServer); thresholds sorted. */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const n = s.workload.referenceGpus;
  const { dedicated, onPrem, ...rest } = s.options;
  return {
    ...s,
    thresholds: [...new Set(s.thresholds)].sort((a, b) => a - b),
    options: {
      ...rest,
      ...(dedicated && { dedicated: { ...dedicated, gpus: dedicated.gpus ?? n } }),
      ...(onPrem && { onPrem: { ...onPrem, servers: onPrem.servers ?? Math.ceil(n / onPrem.gpusPerServer) } }),
    },
  };
}
