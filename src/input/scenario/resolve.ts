import type { ModelScenario, ModelWorkload } from '../../model/inputs.js';
import { DEFAULT_TARGET_UTILIZATION } from '../../model/constants.js';
import type { Scenario } from './schema.js';

/**
 * A scenario with the defaults that depend on other fields filled in (docs/model.md): what the
 * model reads (ModelScenario, which this must fit) and where the readers find the histories.
 */
export interface ResolvedScenario extends ModelScenario, Omit<Scenario, 'options' | 'workload'> {
  workload: ModelWorkload &
    Omit<Scenario['workload'], 'egress' | 'utilization' | 'targetUtilization'> & {
      utilization: Omit<Scenario['workload']['utilization'], 'columns'> & { columns?: string[] | undefined };
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
