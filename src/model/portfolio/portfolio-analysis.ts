/**
 * A portfolio's plan against its models' own: each model analysed as if it ran alone — on a
 * fleet sized for it, with its share of the traffic and tokens — beside the pool's analysis;
 * the models a constraint places apart (sovereign, edge) pooled and placed group by group; what
 * pooling saves; each group's month shared back among its models; each model's residency; the
 * portfolio against its limits.
 *
 * A model alone (and a group likewise): referenceGpus its own; the dedicated option sized to
 * them; on-prem servers ⌈GPUs ÷ GPUs per server⌉ and each hardware line's quantity scaled to
 * those servers (rounded up), a lease likewise per server; its own tokens and egress where it
 * gives them, otherwise the portfolio's (and retrieval) in proportion to the GPU-hours it serves.
 */
import type { ModelScenario } from '../inputs.js';
import type { OptionId } from '../cost/option-cost.js';
import type { HourlyPoint } from '../utilization/hourly-accumulator.js';
import type { DailyTotal } from '../signals/daily-token-totals.js';
import type { Placement } from '../verdict/verdict.js';
import { analyze, measure, type Analysis, type AnalysisInput } from '../analysis/analyze.js';
import { scaleDemand } from '../uncertainty/what-if.js';
import { attributeByStandAlone, poolingBenefit } from './attribution.js';
import {
  pooledTokenDays,
  residencyOf,
  type ModelLoad,
  type PooledDemand,
  type PoolResidency,
} from './pooled-demand.js';
import { cheapest } from '../cost/all-options.js';
import { governanceChecks, type GovernanceCheck, type GovernancePolicy } from './governance.js';
import {
  mainGroup,
  modelConstraints,
  placementGroups,
  type Constraints,
  type GroupId,
  type OwnConstraints,
  type PlacementGroup,
} from './placement-groups.js';

export interface PortfolioModel {
  name: string;
  referenceGpus: number;
  warmFloorGpus: number;
  /** The model this one is kept warm for; null for one that serves its own traffic. */
  fallbackFor: string | null;
  retireBy: string | null;
  /** What binds its placement besides the workload's constraints; null for nothing of its own. */
  constraints: OwnConstraints | null;
  /** Its own daily tokens and egress; null where the portfolio gives them for the whole. */
  tokenDays?: ReadonlyArray<DailyTotal> | null;
  internetGBPerMonth?: number | null;
}

export interface ModelOutcome extends Omit<PortfolioModel, 'constraints' | 'tokenDays' | 'internetGBPerMonth'> {
  /** The group it is placed with: apart when sovereign or at the edge. */
  group: GroupId;
  /** The verdict and the plan's month it would get on a fleet of its own. */
  alone: { placement: Placement; status: 'firm' | 'provisional'; monthly: number };
  /** Its share of its group's month (in proportion to the stand-alone months). */
  attributedMonthly: number;
  servingGpuHours: number;
  warmFloorGpuHours: number;
  canaryGpuHours: number;
  shadowGpuHours: number;
  shareOfPool: number;
  /** Its share of the month priced by what it keeps resident: serving, warm floor, canary, shadow. */
  residencyMonthly: ResidencyMonthly;
  /** Its share of the pool's month per million of its own tokens; null without its own token history. */
  costPerMillionTokens: number | null;
}

/** Models placed apart: each group pooled and placed on its own, against one pool of them all. */
export interface SplitPlan {
  groups: Array<{
    id: GroupId;
    models: string[];
    referenceGpus: number;
    placement: Placement;
    status: 'firm' | 'provisional';
    plan: Analysis['verdict']['plan'];
    monthly: number;
  }>;
  /** Σ of the groups' months. */
  monthly: number;
  /** The cheapest option for all the models in one pool, nothing placed apart, and its month. */
  togetherCheapest: OptionId;
  togetherMonthly: number;
  /** monthly − togetherMonthly: what placing models apart costs. */
  cost: number;
}

export interface PortfolioOutcome {
  models: ModelOutcome[];
  /** The groups placed apart; null when every model goes in one pool. */
  split: SplitPlan | null;
  /** The pool's plan's month (the groups' together when split). */
  pooledMonthly: number;
  /** Σ of the models' own plans' months. */
  standAloneMonthly: number;
  /** standAloneMonthly − pooledMonthly. */
  poolingBenefit: number;
  /** Of the pool's resident GPU-hours, the share serving no traffic (warm floors above the load, canaries, shadows). */
  notServingShare: number;
  /** Hours some models' histories had and others lacked, left out of the pool. */
  hoursLeftOut: number;
  policy: GovernancePolicy;
  /** The portfolio against its limits. */
  checks: GovernanceCheck[];
}

export interface ResidencyMonthly {
  serving: number;
  warmFloor: number;
  canary: number;
  shadow: number;
}

/**
 * A model's share of its group's month split by what its resident GPU-hours do, each term at the
 * same price per GPU-hour (the plan's, as the share carries it); the terms add up to the share.
 */
export function residencyMonthly(
  share: number,
  r: Pick<ModelOutcome, 'servingGpuHours' | 'warmFloorGpuHours' | 'canaryGpuHours' | 'shadowGpuHours'>,
): ResidencyMonthly {
  const hours = r.servingGpuHours + r.warmFloorGpuHours + r.canaryGpuHours + r.shadowGpuHours;
  if (hours <= 0) return { serving: share, warmFloor: 0, canary: 0, shadow: 0 };
  const warmFloor = share * (r.warmFloorGpuHours / hours);
  const canary = share * (r.canaryGpuHours / hours);
  const shadow = share * (r.shadowGpuHours / hours);
  return { serving: share - warmFloor - canary - shadow, warmFloor, canary, shadow };
}

/** The month of an analysis's verdict: its plan's, or the cheapest option's when no plan is priced. */
export function verdictMonthly(a: Analysis): number {
  if (a.verdict.plan !== null) return a.verdict.plan.monthly;
  return Math.min(...a.options.map((o) => o.cost.total));
}

/** The portfolio's scenario as one of its models would have it alone (see the module comment). */
export function aloneScenario(
  s: ModelScenario,
  m: Pick<PortfolioModel, 'referenceGpus' | 'internetGBPerMonth'>,
  share: number,
): ModelScenario {
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

/** What each model keeps resident in the pool, hour by hour: computed once, read by shares and outcome. */
export function poolResidency(models: ReadonlyArray<PortfolioModel>, demand: PooledDemand, tau: number): PoolResidency {
  return residencyOf(
    demand,
    models.map((m) => m.name),
    tau,
  );
}

/** Each model's share of the traffic: of the GPU-hours serving it (equal shares when none serve any). */
export function trafficShares(residency: PoolResidency): number[] {
  const served = residency.models.reduce((t, r) => t + r.servingGpuHours, 0);
  return residency.models.map((r) => (served > 0 ? r.servingGpuHours / served : 1 / residency.models.length));
}

/** The portfolio's placement groups, each model's regions weighed by its traffic share. */
export function portfolioGroups(
  scenario: ModelScenario,
  models: ReadonlyArray<PortfolioModel>,
  shares: ReadonlyArray<number>,
): PlacementGroup[] {
  const shared = scenario.workload.constraints;
  return placementGroups(
    models.map((m) => modelConstraints(shared, m.constraints)),
    shares,
  );
}

/**
 * Some of the portfolio's models as one workload (all of them: the whole pool): their resident
 * demand summed hour by hour on their GPUs together, a fleet sized for them (`aloneScenario`),
 * their constraints, and their traffic — their own tokens and egress where they give them,
 * otherwise the portfolio's in proportion to the GPU-hours they serve (`shares`, per model).
 */
export function groupInput(
  whole: AnalysisInput,
  demand: PooledDemand,
  models: ReadonlyArray<PortfolioModel>,
  members: ReadonlyArray<number>,
  constraints: Constraints,
  shares: ReadonlyArray<number>,
): AnalysisInput {
  const s = whole.scenario;
  const withConstraints = (x: ModelScenario): ModelScenario =>
    x.workload.constraints === constraints ? x : { ...x, workload: { ...x.workload, constraints } };
  if (members.length === models.length) return { ...whole, scenario: withConstraints(s) };
  const these = members.map((k) => models[k] as PortfolioModel);
  const gpus = these.reduce((t, m) => t + m.referenceGpus, 0);
  const share = members.reduce((t, k) => t + (shares[k] as number), 0);
  const egress = these.reduce(
    (t, m, j) =>
      t + (m.internetGBPerMonth ?? s.workload.egress.internetGBPerMonth * (shares[members[j] as number] as number)),
    0,
  );
  const own = these.flatMap((m) => (m.tokenDays == null ? [] : [m.tokenDays]));
  // Models that give their own tokens make the portfolio's: then a group has its members' own,
  // or none; otherwise the portfolio's token history is shared in proportion to the traffic.
  const anyOwn = models.some((m) => m.tokenDays != null);
  const tokenDays = !anyOwn
    ? scaledTokens(whole.tokenDays, share)
    : own.length === 0
      ? null
      : own.length === 1
        ? (own[0] ?? null)
        : pooledTokenDays(own);
  const resident = (i: number) => members.reduce((t, k) => t + ((demand.resident[k] as Float64Array)[i] as number), 0);
  const hours: HourlyPoint[] | null =
    whole.utilizationHours === null
      ? null
      : demand.hourStarts.map((hourStart, i) => ({ hourStart, utilization: resident(i) / gpus }));
  const scenario = withConstraints(aloneScenario(s, { referenceGpus: gpus, internetGBPerMonth: egress }, share));
  return {
    ...whole,
    scenario: hours === null ? withAssumed(scenario, resident(0) / gpus) : scenario,
    utilizationHours: hours,
    tokenDays,
    billing: null,
    inputWarnings: [],
    gpusSeen: null,
  };
}

export function analyzePortfolio(
  /** The whole pool as measured, before any what-if lever, with the workload's constraints. */
  whole: AnalysisInput,
  /** The analysis of the main group (`mainGroup`), the report's own. */
  main: Analysis,
  models: ReadonlyArray<PortfolioModel & Pick<ModelLoad, 'canary'>>,
  demand: PooledDemand,
  /** poolResidency of the same models and demand. */
  residency: PoolResidency,
  groups: ReadonlyArray<PlacementGroup>,
  policy: GovernancePolicy,
  /** What-if levers' demand multiplier, applied to the main group's input already: every other the same. */
  demandScale = 1,
): PortfolioOutcome {
  const shares = trafficShares(residency);
  const shared = whole.scenario.workload.constraints;
  // As for the main group: scaled (each hour capped at its GPUs) only when a lever moves demand.
  const run = (input: AnalysisInput): Analysis => {
    const scaled = demandScale === 1 ? input : scaleDemand(input, demandScale);
    return analyze(scaled, measure(scaled));
  };
  const alone = models.map((m, k) =>
    run(groupInput(whole, demand, models, [k], modelConstraints(shared, m.constraints), shares)),
  );
  const aloneMonthly = alone.map(verdictMonthly);
  const mainId = mainGroup(groups).id;
  const placed = groups.map((g) => {
    const a = g.id === mainId ? main : run(groupInput(whole, demand, models, g.members, g.constraints, shares));
    const monthly = verdictMonthly(a);
    const members = g.members.map((k) => aloneMonthly[k] as number);
    return { group: g, analysis: a, monthly, attributed: attributeByStandAlone(members, monthly) };
  });
  const attributed = new Array<number>(models.length).fill(0);
  const groupOfModel = new Array<GroupId>(models.length).fill('central');
  for (const p of placed)
    p.group.members.forEach((k, j) => {
      attributed[k] = p.attributed[j] as number;
      groupOfModel[k] = p.group.id;
    });
  const pooledMonthly = placed.reduce((t, p) => t + p.monthly, 0);
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
        group: groupOfModel[k] as GroupId,
        alone: { placement: a.verdict.placement, status: a.verdict.status, monthly: aloneMonthly[k] as number },
        attributedMonthly: attributed[k] as number,
        servingGpuHours: r.servingGpuHours,
        warmFloorGpuHours: r.warmFloorGpuHours,
        canaryGpuHours: r.canaryGpuHours,
        shadowGpuHours: r.shadowGpuHours,
        shareOfPool: r.shareOfPool,
        residencyMonthly: residencyMonthly(attributed[k] as number, r),
        costPerMillionTokens:
          m.tokenDays != null && a.tokens !== null && a.tokens.monthlyTokens > 0
            ? (attributed[k] as number) / (a.tokens.monthlyTokens / 1e6)
            : null,
      };
    }),
    split:
      placed.length < 2
        ? null
        : splitPlan(
            placed,
            pooledMonthly,
            models,
            run(
              groupInput(
                whole,
                demand,
                models,
                models.map((_, k) => k),
                unplaced(shared, models),
                shares,
              ),
            ),
          ),
    pooledMonthly,
    standAloneMonthly: aloneMonthly.reduce((t, x) => t + x, 0),
    poolingBenefit: poolingBenefit(aloneMonthly, pooledMonthly),
    notServingShare: residency.notServingShare,
    hoursLeftOut: demand.hoursLeftOut,
    policy,
    checks: governanceChecks(
      models.map((m) => ({ name: m.name, canaryRetainedDays: m.canary?.days ?? null, retireBy: m.retireBy })),
      residency.notServingShare,
      policy,
      whole.now,
    ),
  };
}

/**
 * The whole portfolio's constraints with nothing placed apart: no sovereignty, no far regions
 * (the workload's regions only), agentic if any model is. Priced to say what the split costs.
 */
function unplaced(shared: Constraints, models: ReadonlyArray<PortfolioModel>): Constraints {
  return {
    ...shared,
    sovereignty: false,
    regions: [],
    agentic: shared.agentic || models.some((m) => m.constraints?.agentic === true),
  };
}

function splitPlan(
  placed: ReadonlyArray<{ group: PlacementGroup; analysis: Analysis; monthly: number }>,
  /** Σ of the groups' months. */
  monthly: number,
  models: ReadonlyArray<PortfolioModel>,
  together: Analysis,
): SplitPlan {
  const best = cheapest(together.options.map((o) => o.cost));
  return {
    groups: placed.map(({ group, analysis: a, monthly: m }) => ({
      id: group.id,
      models: group.members.map((k) => (models[k] as PortfolioModel).name),
      referenceGpus: group.members.reduce((t, k) => t + (models[k] as PortfolioModel).referenceGpus, 0),
      placement: a.verdict.placement,
      status: a.verdict.status,
      plan: a.verdict.plan,
      monthly: m,
    })),
    monthly,
    togetherCheapest: best.id,
    togetherMonthly: best.total,
    cost: monthly - best.total,
  };
}

/** The scenario with a flat assumption of utilization in place of its own. */
export function withAssumed<S extends ModelScenario>(s: S, assumed: number): S {
  return { ...s, workload: { ...s.workload, utilization: { ...s.workload.utilization, assumed } } };
}

function scaledTokens(days: ReadonlyArray<DailyTotal> | null, share: number): DailyTotal[] | null {
  return days === null ? null : days.map((d) => ({ ...d, tokens: d.tokens * share }));
}
