import type { UncertainField } from './distributions.js';
import type { PriceReference } from './price-references.js';
import type { DedicatedOption, EdgeOption, OnPremOption, Scenario } from './schema.js';

/** A scenario with the defaults that depend on other fields filled in (MODEL.md §1). */
export interface ResolvedScenario extends Omit<Scenario, 'options' | 'workload'> {
  /** Price-book entries the scenario referenced (issue 6). */
  priceReferences: PriceReference[];
  /** Fields given as distributions (issue 7); the scenario holds their means. */
  uncertain: UncertainField[];
  workload: Omit<Scenario['workload'], 'egress' | 'utilization'> & {
    /** `given`: set in the scenario; otherwise it may come from a billing export. */
    egress: { internetGBPerMonth: number; given: boolean };
    utilization: Omit<Scenario['workload']['utilization'], 'columns'> & { columns?: string[] | undefined };
  };
  options: {
    cloud: Scenario['options']['cloud'];
    dedicated?: DedicatedOption;
    onPrem?: OnPremOption;
    edge?: EdgeOption;
    /** Not in the scenario file: the hybrid baseline analyze sizes from the measured hours (issue 7). */
    hybrid?: { baselineGpus: number };
  };
}

/** dedicated.gpus defaults to referenceGpus; onPrem.servers to ceil(referenceGpus / gpusPerServer); thresholds sorted. */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const n = s.workload.referenceGpus;
  const { dedicated, onPrem, ...rest } = s.options;
  const gb = s.workload.egress.internetGBPerMonth;
  const columns = s.workload.utilization.columns;
  return {
    ...s,
    priceReferences: [],
    uncertain: [],
    workload: {
      ...s.workload,
      egress: { internetGBPerMonth: gb ?? 0, given: gb !== undefined },
      utilization: {
        ...s.workload.utilization,
        columns: typeof columns === 'string' ? columns.split(',').map((c) => c.trim()) : columns,
      },
    },
    thresholds: [...new Set(s.thresholds)].sort((a, b) => a - b),
    options: {
      ...rest,
      ...(dedicated && { dedicated: { ...dedicated, gpus: dedicated.gpus ?? n } }),
      ...(onPrem && { onPrem: { ...onPrem, servers: onPrem.servers ?? Math.ceil(n / onPrem.gpusPerServer) } }),
    },
  };
}
