/**
 * A portfolio's plan against its models' own: each model analysed as if it ran alone — on a
 * fleet sized for it, with its share of the traffic and tokens — beside the pool's analysis;
 * what pooling saves; the pool's month shared back; each model's residency.
 *
 * A model alone: referenceGpus its own; the dedicated option sized to them; on-prem servers
 * ⌈GPUs ÷ GPUs per server⌉ and each hardware line's quantity scaled to those servers (rounded
 * up), a lease likewise per server; its own tokens and egress where it gives them, otherwise
 * the portfolio's (and retrieval) in proportion to the GPU-hours it serves.
 */
import type { ModelScenario } from '../inputs.js';
import type { HourlyPoint } from '../utilization/hourly-accumulator.js';
import type { DailyTotal } from '../signals/daily-token-totals.js';
import type { Placement } from '../verdict/verdict.js';
import { analyze, measure, type Analysis, type AnalysisInput } from '../analysis/analyze.js';
import { scaleDemand } from '../uncertainty/what-if.js';
import { attributeByStandAlone, poolingBenefit } from './attribution.js';
import { residencyOf, type PooledDemand } from './pooled-demand.js';

export interface PortfolioModel {
  name: string;
  referenceGpus: number;
  warmFloorGpus: number;
  /** The model this one is kept warm for; null for one that serves its own traffic. */
  fallbackFor: string | null;
  retireBy: string | null;
  /** Its own daily tokens and egress; null where the portfolio gives them for the whole. */
  tokenDays?: ReadonlyArray<DailyTotal> | null;
  internetGBPerMonth?: number | null;
}

export interface ModelOutcome extends PortfolioModel {
  /** The verdict and the plan's month it would get on a fleet of its own. */
  alone: { placement: Placement; status: 'firm' | 'provisional'; monthly: number };
  /** Its share of the pool's month (in proportion to the stand-alone months). */
  attributedMonthly: number;
  servingGpuHours: number;
  warmFloorGpuHours: number;
  canaryGpuHours: number;
  shadowGpuHours: number;
  shareOfPool: number;
  /** Its share of the pool's month per million of its own tokens; null without its own token history. */
  costPerMillionTokens: number | null;
}

export interface PortfolioOutcome {
  models: ModelOutcome[];
  /** The pool's plan's month. */
  pooledMonthly: number;
  /** Σ of the models' own plans' months. */
  standAloneMonthly: number;
  /** standAloneMonthly − pooledMonthly. */
  poolingBenefit: number;
  /** Of the pool's resident GPU-hours, the share serving no traffic (warm floors above the load, canaries, shadows). */
  notServingShare: number;
  /** Hours some models' histories had and others lacked, left out of the pool. */
  hoursLeftOut: number;
}

/** The month of an analysis's verdict: its plan's, or the cheapest option's when no plan is priced. */
export function verdictMonthly(a: Analysis): number {
  if (a.verdict.plan !== null) return a.verdict.plan.monthly;
  return Math.min(...a.options.map((o) => o.cost.total));
}

/** The portfolio's scenario as one of its models would have it alone (see the module comment). */
export function aloneScenario(s: ModelScenario, m: PortfolioModel, share: number): ModelScenario {
  const egress = m.internetGBPerMonth ?? s.workload.egress.internetGBPerMonth * share;
  const { dedicated, onPrem } = s.options;
  const servers = onPrem === undefined ? 0 : Math.ceil(m.referenceGpus / onPrem.gpusPerServer);
  const perServer = (x: number) => (onPrem === undefined || onPrem.servers === 0 ? x : (x * servers) / onPrem.servers);
  return {
    ...s,
    workload: {
      ...s.workload,
      referenceGpus: m.referenceGpus,
      egress: { ...s.workload.egress, internetGBPerMonth: egress },
      ...(s.workload.retrieval && {
        retrieval: { ...s.workload.retrieval, gbPerMonth: s.workload.retrieval.gbPerMonth * share },
      }),
    },
    options: {
      ...s.options,
      ...(dedicated && { dedicated: { ...dedicated, gpus: m.referenceGpus } }),
      ...(onPrem && {
        onPrem: {
          ...onPrem,
          servers,
          hardware: onPrem.hardware.map((h) => ({ ...h, quantity: Math.ceil(perServer(h.quantity) - 1e-9) })),
        },
      }),
    },
  };
}

export function analyzePortfolio(
  pool: AnalysisInput,
  pooled: Analysis,
  models: ReadonlyArray<PortfolioModel>,
  demand: PooledDemand,
  /** What-if levers' demand multiplier, applied to the pool's input already: each model's the same. */
  demandScale = 1,
): PortfolioOutcome {
  const tau = pool.scenario.workload.targetUtilization;
  const residency = residencyOf(
    demand,
    models.map((m) => m.name),
    tau,
  );
  const served = residency.models.reduce((t, r) => t + r.servingGpuHours, 0);
  const withHours = pool.utilizationHours !== null;
  const alone = models.map((m, k) => {
    const share = served > 0 ? (residency.models[k]?.servingGpuHours as number) / served : 1 / models.length;
    const resident = demand.resident[k] as Float64Array;
    const hours: HourlyPoint[] | null = withHours
      ? demand.hourStarts.map((hourStart, i) => ({ hourStart, utilization: (resident[i] as number) / m.referenceGpus }))
      : null;
    const scenario = aloneScenario(pool.scenario, m, share);
    const measured: AnalysisInput = {
      ...pool,
      scenario: hours === null ? withAssumed(scenario, (resident[0] as number) / m.referenceGpus) : scenario,
      utilizationHours: hours,
      tokenDays: m.tokenDays ?? scaledTokens(pool.tokenDays, share),
      billing: null,
      inputWarnings: [],
      gpusSeen: null,
    };
    // The what-if levers moved the pool's demand: each model's moves the same way, each hour
    // capped at 100 % of the model's GPUs as scaleDemand does (also with no lever, factor 1).
    const input = scaleDemand(measured, demandScale);
    return analyze(input, measure(input));
  });
  const aloneMonthly = alone.map(verdictMonthly);
  const pooledMonthly = verdictMonthly(pooled);
  const shares = attributeByStandAlone(aloneMonthly, pooledMonthly);
  return {
    models: models.map((m, k) => {
      const a = alone[k] as Analysis;
      const r = residency.models[k] as (typeof residency.models)[number];
      return {
        name: m.name,
        referenceGpus: m.referenceGpus,
        warmFloorGpus: m.warmFloorGpus,
        fallbackFor: m.fallbackFor,
        retireBy: m.retireBy,
        alone: { placement: a.verdict.placement, status: a.verdict.status, monthly: aloneMonthly[k] as number },
        attributedMonthly: shares[k] as number,
        servingGpuHours: r.servingGpuHours,
        warmFloorGpuHours: r.warmFloorGpuHours,
        canaryGpuHours: r.canaryGpuHours,
        shadowGpuHours: r.shadowGpuHours,
        shareOfPool: r.shareOfPool,
        costPerMillionTokens:
          m.tokenDays != null && a.tokens !== null && a.tokens.monthlyTokens > 0
            ? (shares[k] as number) / (a.tokens.monthlyTokens / 1e6)
            : null,
      };
    }),
    pooledMonthly,
    standAloneMonthly: aloneMonthly.reduce((t, x) => t + x, 0),
    poolingBenefit: poolingBenefit(aloneMonthly, pooledMonthly),
    notServingShare: residency.notServingShare,
    hoursLeftOut: demand.hoursLeftOut,
  };
}

/** The scenario with a flat assumption of utilization in place of its own. */
export function withAssumed<S extends ModelScenario>(s: S, assumed: number): S {
  return { ...s, workload: { ...s.workload, utilization: { ...s.workload.utilization, assumed } } };
}

function scaledTokens(days: ReadonlyArray<DailyTotal> | null, share: number): DailyTotal[] | null {
  return days === null ? null : days.map((d) => ({ ...d, tokens: d.tokens * share }));
}
