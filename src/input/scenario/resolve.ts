import type { ModelScenario, ModelWorkload } from '../../model/inputs.js';
import { DEFAULT_TARGET_UTILIZATION } from '../../model/constants.js';
import type { Scenario } from './schema.js';

/**
 * A scenario with the defaults that depend on other fields filled in (docs/model.md): what the
 * model reads (ModelScenario, which this must fit) and where the readers find the histories.
 */
type ResolvedUtilization = Omit<Scenario['workload']['utilization'], 'columns'> & { columns?: string[] | undefined };

export interface ResolvedScenario extends ModelScenario, Omit<Scenario, 'options' | 'workload' | 'models'> {
  workload: ModelWorkload &
    Omit<Scenario['workload'], 'egress' | 'utilization' | 'targetUtilization' | 'referenceGpus'> & {
      utilization: ResolvedUtilization;
    };
  models?: Array<Omit<NonNullable<Scenario['models']>[number], 'utilization'> & { utilization: ResolvedUtilization }>;
}

/** A header-less CSV's column names, given as one string or a list. */
function resolvedUtilization(u: Scenario['workload']['utilization']): ResolvedUtilization {
  const columns = u.columns;
  return { ...u, columns: typeof columns === 'string' ? columns.split(',').map((c) => c.trim()) : columns };
}

/**
 * referenceGpus of a portfolio is its models' sum; dedicated.gpus defaults to referenceGpus; onPrem.servers to ceil(referenceGpus / gpusPerServer);
 * τ to workload.targetUtilization, else its older name options.cloud.targetUtilization, else 0.70
 * (the rules refuse the two set to different values); thresholds sorted.
 */
export function resolveScenario(s: Scenario): ResolvedScenario {
  // A portfolio's fleet is its models' (the rules refuse a scenario with neither).
  const n = s.workload.referenceGpus ?? (s.models ?? []).reduce((sum, m) => sum + m.referenceGpus, 0);
  const { dedicated, onPrem, cloud, ...rest } = s.options;
  const tau = s.workload.targetUtilization ?? cloud.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
  // A portfolio whose models give their own egress has theirs together.
  const modelEgress = (s.models ?? []).filter((m) => m.egress !== undefined);
  const gb =
    s.workload.egress.internetGBPerMonth ??
    (modelEgress.length === 0 ? undefined : modelEgress.reduce((t, m) => t + (m.egress?.internetGBPerMonth ?? 0), 0));
  const { models, ...scenario } = s;
  return {
    ...scenario,
    ...(models !== undefined && {
      models: models.map((m) => ({ ...m, utilization: resolvedUtilization(m.utilization) })),
    }),
    priceReferences: [],
    uncertain: [],
    workload: {
      ...s.workload,
      referenceGpus: n,
      targetUtilization: tau,
      egress: { internetGBPerMonth: gb ?? 0, given: gb !== undefined },
      utilization: resolvedUtilization(s.workload.utilization),
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
