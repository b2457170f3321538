/**
 * docs/model.md: the placement verdict. The first rule that applies picks the family (what prices
 * cannot weigh: regulation, latency geography, volatility, predictability); within the family
 * the plan is the cheapest size, so the verdict is something a buyer can act on; and what the
 * governing constraint costs against the cheapest option is said, not hidden. Reasons are coded
 * data with the numbers behind them; their wording lives with the renderers.
 */
import type { ModelScenario } from '../inputs.js';
import { cheapest } from '../cost/all-options.js';
import type { OptionCost, OptionId } from '../cost/option-cost.js';
import { trafficCost, type Location } from '../cost/traffic-cost.js';
import type { ReservedSizing } from '../reserved/reserved-sizing.js';
import type { LatencyAssessment } from '../signals/latency-floors.js';
import type { TokenStats } from '../signals/token-stats.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import {
  CLOUD_BELOW_CONSISTENT,
  FAR_REGION_SHARE,
  PAYBACK_MAX_MONTHS,
  RESERVED_MAX_BURST_SHARE,
  SUSTAINED_DAYS,
  SUSTAINED_UTILIZATION,
  TOKEN_VOLATILE_CV,
} from '../constants.js';
import { compare, type Check } from './check.js';
import { SUSTAINED_KEY, type Repatriation } from './repatriation.js';
import { cloudPlan, edgePlan, onPremPlan, reservedPlan, type Plan } from './plan.js';

export const PLACEMENTS = [
  'cloud-managed',
  'dedicated-reserved',
  'on-prem',
  'on-prem-sovereign',
  'edge',
  'hybrid-burst',
] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const GOVERNING_CONSTRAINTS = [
  'regulatory',
  'latency-geography',
  'token-volatility',
  'utilization-economics',
  'repatriation-threshold',
  'predictability',
] as const;
export type GoverningConstraint = (typeof GOVERNING_CONSTRAINTS)[number];

export type ReasonArgs = Record<string, number | string | boolean | null>;
export interface Reason {
  code: string;
  args: ReasonArgs;
}

export interface Colocation {
  indexLocation: 'cloud' | 'onprem';
  placementLocation: Location;
  /** What the separation costs a month: retrieval priced away from the index, minus co-located. */
  separationCostPerMonth: number;
}

/** What the governing constraint costs: the plan's month against the cheapest option's. */
export interface ConstraintCost {
  /** plan.monthly − the cheapest option's month at the measured profile; 0 when the plan is the cheapest. */
  monthly: number;
  cheapest: OptionId;
  cheapestMonthly: number;
  constraint: GoverningConstraint;
  /** The conditions the cheaper option's rule fails, with their values: why it was not chosen. */
  failing: Check[];
}

/** The plan's month against where the workload runs today (workload.currentPlacement). */
export interface SavingVsCurrent {
  current: OptionId;
  currentMonthly: number;
  /** currentMonthly − plan.monthly: positive saves, negative costs more. */
  monthly: number;
  yearly: number;
}

export interface Verdict {
  placement: Placement;
  governingConstraint: GoverningConstraint;
  /** The number of the rule that decided (1–7), for the JSON. */
  rule: number;
  reasons: Reason[];
  cheapestAtMeasured: OptionId;
  /** The priced option that carries out the placement (the plan's); null without one. */
  placementOption: OptionId | null;
  /** The sized plan; null when the family has no option priced (a warning says which to add). */
  plan: Plan | null;
  constraintCost: ConstraintCost | null;
  savingVsCurrent: SavingVsCurrent | null;
  colocation: Colocation | null;
}

export interface VerdictInput {
  scenario: ModelScenario;
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  latency: LatencyAssessment;
  repatriation: Repatriation;
  /** Cloud egress and retrieval over cloud compute: what the egress condition judged. */
  egressShare: number | null;
  /** Every option at the measured profile. */
  costs: ReadonlyArray<OptionCost>;
  onPremPaybackMonths: number | null;
  /** On-prem NPV against cloud (rule 5 needs it positive); null without on-prem, or when rule 5's other conditions fail. */
  onPremNpv: number | null;
  /** The reserved plan sized on the measured hours; null without a dedicated option. */
  reserved: ReservedSizing | null;
}

type Family = Plan['family'];

/** The rule that fires first, and what it says. */
interface RuleOutcome {
  placement: Placement | null;
  family: Family;
  governingConstraint: GoverningConstraint;
  rule: number;
  reasons: Reason[];
}

const LOCATION_OF: Record<Family, Location> = { cloud: 'cloud', reserved: 'cloud', onprem: 'onprem', edge: 'edge' };

function firstRule(v: VerdictInput): RuleOutcome {
  const u = v.utilization;
  const c = v.scenario.workload.constraints;
  const sustained = u.sustainedDays[SUSTAINED_KEY] ?? null;

  if (c.sovereignty) {
    return {
      placement: 'on-prem-sovereign',
      family: 'onprem',
      governingConstraint: 'regulatory',
      rule: 1,
      reasons: [{ code: 'sovereignty', args: {} }],
    };
  }
  const far = v.latency.farShare;
  if (far !== null && far >= FAR_REGION_SHARE) {
    const names = v.latency.regions
      .filter((r) => r.exceedsTarget)
      .map((r) => `${r.name} (${r.floorMs} ms)`)
      .join(', ');
    return {
      placement: 'edge',
      family: 'edge',
      governingConstraint: 'latency-geography',
      rule: 2,
      reasons: [
        {
          code: 'far-regions',
          args: { farShare: far, limit: FAR_REGION_SHARE, targetMs: v.latency.targetMs, regions: names },
        },
      ],
    };
  }
  const cv = v.tokens?.cv ?? null;
  if (c.agentic || (cv !== null && cv > TOKEN_VOLATILE_CV)) {
    const reasons: Reason[] = [];
    if (c.agentic) reasons.push({ code: 'agentic', args: {} });
    if (cv !== null && cv > TOKEN_VOLATILE_CV)
      reasons.push({ code: 'token-volatile', args: { cv, limit: TOKEN_VOLATILE_CV } });
    // Volatility is the reason to keep the burst path: always hybrid-burst, whatever k turns out.
    return { placement: 'hybrid-burst', family: 'reserved', governingConstraint: 'token-volatility', rule: 3, reasons };
  }
  if (u.consistent < CLOUD_BELOW_CONSISTENT) {
    return {
      placement: 'cloud-managed',
      family: 'cloud',
      governingConstraint: 'utilization-economics',
      rule: 4,
      reasons: [
        { code: 'consistent-below', args: { consistent: u.consistent, limit: CLOUD_BELOW_CONSISTENT, mean: u.mean } },
      ],
    };
  }
  const payback = v.onPremPaybackMonths;
  const npv = v.onPremNpv;
  if (v.repatriation.met && payback !== null && payback <= PAYBACK_MAX_MONTHS && npv !== null && npv > 0) {
    return {
      placement: 'on-prem',
      family: 'onprem',
      governingConstraint: 'repatriation-threshold',
      rule: 5,
      reasons: [
        { code: 'repatriation-met', args: {} },
        { code: 'payback-within', args: { paybackMonths: payback, limit: PAYBACK_MAX_MONTHS } },
      ],
    };
  }
  if (u.consistent >= SUSTAINED_UTILIZATION && sustained !== null && sustained >= SUSTAINED_DAYS) {
    return {
      placement: null,
      family: 'reserved',
      governingConstraint: 'utilization-economics',
      rule: 6,
      reasons: [
        {
          code: 'utilization-sustained',
          args: {
            consistent: u.consistent,
            limit: SUSTAINED_UTILIZATION,
            sustainedDays: sustained,
            days: SUSTAINED_DAYS,
          },
        },
      ],
    };
  }
  // Rule 7: the 40–60 % band, or high but not yet sustained: the cheaper of the cloud plan and the
  // reserved plan. The reserved plan's k minimises over k = 0 too (k = 0 is the cloud plan), so it
  // is never dearer; it is the cloud plan when no reservation pays.
  const band: Reason =
    u.consistent < SUSTAINED_UTILIZATION
      ? {
          code: 'between-bands',
          args: { consistent: u.consistent, low: CLOUD_BELOW_CONSISTENT, high: SUSTAINED_UTILIZATION },
        }
      : {
          code: 'high-not-sustained',
          args: { consistent: u.consistent, sustainedDays: sustained, days: SUSTAINED_DAYS },
        };
  const reservedOption = v.costs.find((o) => o.id === 'reserved');
  const cloud = v.costs[0] as OptionCost;
  if (reservedOption === undefined || v.reserved === null || v.reserved.gpus === 0) {
    const why: Reason =
      reservedOption === undefined
        ? { code: 'no-dedicated-option', args: {} }
        : {
            code: 'no-reservation-pays',
            args: {
              reservedPerGpuHour: v.reserved?.reservedPerGpuHour ?? null,
              onDemandPerGpuHour: v.scenario.options.cloud.onDemandPerGpuHour,
            },
          };
    return {
      placement: 'cloud-managed',
      family: 'cloud',
      governingConstraint: 'predictability',
      rule: 7,
      reasons: [band, why],
    };
  }
  return {
    placement: null,
    family: 'reserved',
    governingConstraint: 'predictability',
    rule: 7,
    reasons: [
      band,
      {
        code: 'cheaper-at-measured',
        args: { option: 'reserved', total: reservedOption.total, other: 'cloud', otherTotal: cloud.total },
      },
    ],
  };
}

/** The reserved family's name: a reservation when burst carries under 10 % of the busy GPU-hours. */
function reservedPlacement(d: RuleOutcome, s: ReservedSizing | null): Placement {
  if (d.placement !== null) return d.placement;
  if (s === null) return 'dedicated-reserved';
  if (s.gpus === 0) return 'cloud-managed';
  return s.burstShareOfBusyGpuHours < RESERVED_MAX_BURST_SHARE ? 'dedicated-reserved' : 'hybrid-burst';
}

function planOf(family: Family, v: VerdictInput): Plan | null {
  const priced = (id: OptionId): OptionCost | undefined => v.costs.find((o) => o.id === id);
  const s = v.scenario;
  switch (family) {
    case 'cloud':
      return cloudPlan(priced('cloud') as OptionCost, v.utilization, s);
    case 'reserved': {
      const r = priced('reserved');
      if (r === undefined || v.reserved === null || s.options.dedicated === undefined) return null;
      return v.reserved.gpus === 0
        ? cloudPlan(priced('cloud') as OptionCost, v.utilization, s)
        : reservedPlan(r, v.reserved, s.options.dedicated);
    }
    case 'onprem': {
      const o = priced('onprem');
      return o === undefined || s.options.onPrem === undefined ? null : onPremPlan(o, s.options.onPrem);
    }
    case 'edge': {
      const e = priced('edge');
      return e === undefined || s.options.edge === undefined ? null : edgePlan(e, s.options.edge);
    }
  }
}

/** What keeps the cheapest option out, as the checks its rule fails. */
function failingFor(cheapestId: OptionId, v: VerdictInput): Check[] {
  const u = v.utilization;
  switch (cheapestId) {
    case 'onprem': {
      // Plain loops: Monte Carlo reaches this once a trial, and flatMap costs a tenth of a trial.
      const failing: Check[] = [];
      for (const c of v.repatriation.conditions) {
        if (c.status === 'met') continue;
        for (const x of c.checks) if (!passes(x)) failing.push(x);
      }
      const payback = {
        metric: 'onprem.paybackMonths',
        value: v.onPremPaybackMonths,
        comparator: '<=' as const,
        threshold: PAYBACK_MAX_MONTHS,
      };
      if (!passes(payback)) failing.push(payback);
      return failing;
    }
    case 'edge':
      return [{ metric: 'latency.farShare', value: v.latency.farShare, comparator: '>=', threshold: FAR_REGION_SHARE }];
    case 'reserved':
    case 'dedicated':
      return u.consistent < CLOUD_BELOW_CONSISTENT
        ? [
            {
              metric: 'utilization.consistent',
              value: u.consistent,
              comparator: '>=',
              threshold: CLOUD_BELOW_CONSISTENT,
            },
          ]
        : [];
    case 'cloud':
      return [];
  }
}

const passes = (c: Check): boolean => c.value !== null && compare(c.value, c.comparator, c.threshold);

/** With retrieval traffic and a placement away from the index: co-locate, and what separation costs. */
function colocation(family: Family, s: ModelScenario): Colocation | null {
  const r = s.workload.retrieval;
  const location = LOCATION_OF[family];
  if (r === undefined || r.gbPerMonth === 0 || location === r.indexLocation) return null;
  const away = trafficCost(location, s).retrieval;
  const together = trafficCost(r.indexLocation, s).retrieval;
  return { indexLocation: r.indexLocation, placementLocation: location, separationCostPerMonth: away - together };
}

const CURRENT_OPTION: Record<string, OptionId | null> = {
  cloud: 'cloud',
  dedicated: 'dedicated',
  onprem: 'onprem',
  edge: 'edge',
  none: null,
};

export function verdict(v: VerdictInput): Verdict {
  const d = firstRule(v);
  const placement = reservedPlacement(d, v.reserved);
  const plan = planOf(placement === 'cloud-managed' ? 'cloud' : d.family, v);
  const best = cheapest(v.costs);
  const reasons =
    plan?.family === 'reserved' && v.reserved !== null ? [...d.reasons, reservedSizingReason(v.reserved)] : d.reasons;
  const constraintCost: ConstraintCost | null =
    plan === null
      ? null
      : {
          monthly: Math.max(0, plan.monthly - best.total),
          cheapest: best.id,
          cheapestMonthly: best.total,
          constraint: d.governingConstraint,
          // Rules 1–3 are constraints prices cannot weigh: the constraint itself is why the cheaper
          // option is out. From rule 4 on, the cheaper option's own conditions say why.
          failing: plan.monthly > best.total && d.rule >= 4 ? failingFor(best.id, v) : [],
        };
  const currentId = CURRENT_OPTION[v.scenario.workload.currentPlacement] ?? null;
  const current = currentId === null ? undefined : v.costs.find((o) => o.id === currentId);
  const savingVsCurrent: SavingVsCurrent | null =
    plan === null || current === undefined
      ? null
      : {
          current: current.id,
          currentMonthly: current.total,
          monthly: current.total - plan.monthly,
          yearly: 12 * (current.total - plan.monthly),
        };
  return {
    placement,
    governingConstraint: d.governingConstraint,
    rule: d.rule,
    reasons,
    cheapestAtMeasured: best.id,
    placementOption: plan?.option ?? null,
    plan,
    constraintCost,
    savingVsCurrent,
    colocation: colocation(plan?.family ?? d.family, v.scenario),
  };
}

function reservedSizingReason(r: ReservedSizing): Reason {
  return {
    code: 'reserved-sizing',
    args: {
      gpus: r.gpus,
      burstShareOfHours: r.burstShareOfHours,
      burstShareOfBusyGpuHours: r.burstShareOfBusyGpuHours,
      criticalRatio: r.criticalRatio,
      reservedPerGpuHour: r.reservedPerGpuHour,
      onDemandPerGpuHour: r.onDemandPerGpuHour,
    },
  };
}
