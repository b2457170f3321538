import type { UncertainField } from './distributions.js';
import type { PriceReference } from './price-references.js';
import { DEFAULT_TARGET_UTILIZATION } from '../core/model-constants.js';
import type { CloudOption, DedicatedOption, EdgeOption, OnPremOption, Scenario } from './schema.js';

/** A scenario with the defaults that depend on other fields filled in (docs/model.md). */
export interface ResolvedScenario extends Omit<Scenario, 'options' | 'workload'> {
  /** Price-book entries the scenario referenced. */
  priceReferences: PriceReference[];
  /** Fields given as distributions; the scenario holds their means. */
  uncertain: UncertainField[];
  workload: Omit<Scenario['workload'], 'egress' | 'utilization' | 'targetUtilization'> & {
    /** τ: the same latency headroom for every pool (docs/model.md). */
    targetUtilization: number;
    /** `given`: set in the scenario; otherwise it may come from a billing export. */
    egress: { internetGBPerMonth: number; given: boolean };
    utilization: Omit<Scenario['workload']['utilization'], 'columns'> & { columns?: string[] | undefined };
  };
  options: {
    cloud: CloudOption;
    dedicated?: DedicatedOption;
    onPrem?: OnPremOption;
    edge?: EdgeOption;
    /** Not in the scenario file: the reserved plan's GPUs, sized by analyze on the measured hours. */
    reserved?: { gpus: number };
  };
}

/**
 * dedicated.gpus defaults to referenceGpus; onPrem.servers to ceil(referenceGpus / gpusPerServer);
 * τ to workload.targetUtilization, else its older name options.cloud.targetUtilization, else 0.70
 * (the rules refuse the two set to different values); thresholds sorted.
 */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const n = s.workload.referenceGpus;
  const { dedicated, onPrem, cloud, ...rest } = s.options;
  const tau = s.workload.targetUtilization ?? cloud.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
  const gb = s.workload.egress.internetGBPerMonth;
  const columns = s.workload.utilization.columns;
  return {
    ...s,
    priceReferences: [],
    uncertain: [],
    workload: {
      ...s.workload,
      targetUtilization: tau,
      egress: { internetGBPerMonth: gb ?? 0, given: gb !== undefined },
      utilization: {
        ...s.workload.utilization,
        columns: typeof columns === 'string' ? columns.split(',').map((c) => c.trim()) : columns,
      },
    },
    thresholds: [...new Set(s.thresholds)].sort((a, b) => a - b),
    options: {
      ...rest,
      cloud: { ...cloud, targetUtilization: tau },
      ...(dedicated && { dedicated: { ...dedicated, gpus: dedicated.gpus ?? n } }),
      ...(onPrem && { onPrem: { ...onPrem, servers: onPrem.servers ?? Math.ceil(n / onPrem.gpusPerServer) } }),
    },
  };
}
