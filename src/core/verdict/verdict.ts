/**
 * MODEL.md §8: the placement verdict, first rule that applies. Reasons are coded data with the
 * numbers behind them; their wording lives in src/report/messages.ts.
 */
import type { ResolvedScenario } from '../../scenario/resolve.js';
import { cheapest } from '../cost/all-options.js';
import type { OptionCost, OptionId } from '../cost/option-cost.js';
import { trafficCost, type Location } from '../cost/traffic-cost.js';
import type { HybridSizing } from '../hybrid/hybrid-sizing.js';
import type { LatencyAssessment } from '../signals/latency-floors.js';
import type { TokenStats } from '../signals/token-stats.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { REPATRIATION_SUSTAINED_DAYS, REPATRIATION_UTILIZATION, SUSTAINED_KEY, type Repatriation } from './repatriation.js';

export const PLACEMENTS = ['cloud-managed', 'dedicated-reserved', 'on-prem', 'on-prem-sovereign', 'edge', 'hybrid-burst'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const GOVERNING_CONSTRAINTS = [
  'regulatory', 'latency-geography', 'token-volatility', 'utilization-economics', 'repatriation-threshold', 'predictability',
] as const;
export type GoverningConstraint = (typeof GOVERNING_CONSTRAINTS)[number];

export const FAR_REGION_SHARE = 0.2;
export const VOLATILE_TOKEN_CV = 0.35;
export const CLOUD_BELOW = 0.4;
export const PAYBACK_MAX_MONTHS = 18;
/** MODEL.md §9 hybrid-burst: below this share of hours above the baseline, hybrid is not worth its complexity. */
export const HYBRID_MIN_BURST_SHARE = 0.1;

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

export interface Verdict {
  placement: Placement;
  governingConstraint: GoverningConstraint;
  /** The number of the §8 rule that decided. */
  rule: number;
  reasons: Reason[];
  cheapestAtMeasured: OptionId;
  /** The priced option that carries out the placement (hybrid-burst: the dedicated baseline with cloud overflow). */
  placementOption: OptionId | null;
  /** Set when the rule's placement is not the cheapest option at the measured profile. */
  note: Reason | null;
  colocation: Colocation | null;
}

export interface VerdictInput {
  scenario: ResolvedScenario;
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  latency: LatencyAssessment;
  repatriation: Repatriation;
  /** Every option at the measured profile. */
  measured: ReadonlyArray<OptionCost>;
  onPremPaybackMonths: number | null;
  /** The hybrid baseline sized from the measured hours; null without a dedicated option. */
  hybrid: HybridSizing | null;
}

const OPTION_OF: Record<Placement, OptionId> = {
  'cloud-managed': 'cloud', 'dedicated-reserved': 'dedicated', 'hybrid-burst': 'hybrid',
  'on-prem': 'onprem', 'on-prem-sovereign': 'onprem', edge: 'edge',
};
const LOCATION_OF: Record<Placement, Location> = {
  'cloud-managed': 'cloud', 'dedicated-reserved': 'cloud', 'hybrid-burst': 'cloud',
  'on-prem': 'onprem', 'on-prem-sovereign': 'onprem', edge: 'edge',
};

interface Decision {
  placement: Placement;
  governingConstraint: GoverningConstraint;
  rule: number;
  reasons: Reason[];
}

function decide(v: VerdictInput): Decision {
  const u = v.utilization;
  const c = v.scenario.workload.constraints;
  const sustained60 = u.sustainedDays[SUSTAINED_KEY] ?? null;

  if (c.sovereignty) {
    return { placement: 'on-prem-sovereign', governingConstraint: 'regulatory', rule: 1, reasons: [{ code: 'sovereignty', args: {} }] };
  }
  const far = v.latency.farShare;
  if (far !== null && far >= FAR_REGION_SHARE) {
    const names = v.latency.regions.filter((r) => r.exceedsTarget).map((r) => `${r.name} (${r.floorMs} ms)`).join(', ');
    return {
      placement: 'edge', governingConstraint: 'latency-geography', rule: 2,
      reasons: [{ code: 'far-regions', args: { farShare: far, limit: FAR_REGION_SHARE, targetMs: v.latency.targetMs, regions: names } }],
    };
  }
  const cv = v.tokens?.cv ?? null;
  if (c.agentic || (cv !== null && cv > VOLATILE_TOKEN_CV)) {
    const reasons: Reason[] = [];
    if (c.agentic) reasons.push({ code: 'agentic', args: {} });
    if (cv !== null && cv > VOLATILE_TOKEN_CV) reasons.push({ code: 'token-volatile', args: { cv, limit: VOLATILE_TOKEN_CV } });
    if (v.hybrid !== null) reasons.push(hybridSizingReason(v.hybrid));
    return { placement: 'hybrid-burst', governingConstraint: 'token-volatility', rule: 3, reasons };
  }
  if (u.consistent < CLOUD_BELOW) {
    return {
      placement: 'cloud-managed', governingConstraint: 'utilization-economics', rule: 4,
      reasons: [{ code: 'consistent-below', args: { consistent: u.consistent, limit: CLOUD_BELOW, mean: u.mean } }],
    };
  }
  // Built only by the rules that give it (rule 7 does not; Monte Carlo reaches it many times).
  const repatriationReason = (): Reason => (v.repatriation.met
    ? { code: 'repatriation-met', args: {} }
    : {
        code: 'repatriation-not-met',
        args: { failing: v.repatriation.conditions.filter((x) => x.status !== 'met').map((x) => `${x.id} (${x.status})`).join(', ') },
      });
  const payback = v.onPremPaybackMonths;
  const hasOnPrem = v.scenario.options.onPrem !== undefined;
  if (v.repatriation.met && payback !== null && payback <= PAYBACK_MAX_MONTHS) {
    return {
      placement: 'on-prem', governingConstraint: 'repatriation-threshold', rule: 5,
      reasons: [repatriationReason(), { code: 'payback-within', args: { paybackMonths: payback, limit: PAYBACK_MAX_MONTHS } }],
    };
  }
  if (u.consistent >= REPATRIATION_UTILIZATION && sustained60 !== null && sustained60 >= REPATRIATION_SUSTAINED_DAYS) {
    const whyNotOnPrem: Reason[] = [repatriationReason()];
    if (!hasOnPrem) whyNotOnPrem.push({ code: 'no-onprem-option', args: {} });
    else if (v.repatriation.met) whyNotOnPrem.push({ code: 'payback-too-long', args: { paybackMonths: payback, limit: PAYBACK_MAX_MONTHS } });
    return {
      placement: 'dedicated-reserved', governingConstraint: 'utilization-economics', rule: 6,
      reasons: [
        { code: 'utilization-sustained', args: { consistent: u.consistent, limit: REPATRIATION_UTILIZATION, sustainedDays: sustained60, days: REPATRIATION_SUSTAINED_DAYS } },
        ...whyNotOnPrem,
      ],
    };
  }
  // Rule 7: the 40–60 % band, or high but not yet sustained: the cheapest of cloud, dedicated and,
  // when it really bursts (k ≥ 1 and ≥ 10 % of hours above k), hybrid. First listed wins a tie.
  const band: Reason = u.consistent < REPATRIATION_UTILIZATION
    ? { code: 'between-bands', args: { consistent: u.consistent, low: CLOUD_BELOW, high: REPATRIATION_UTILIZATION } }
    : { code: 'high-not-sustained', args: { consistent: u.consistent, sustainedDays: sustained60, days: REPATRIATION_SUSTAINED_DAYS } };
  const priced = (id: OptionId): OptionCost | undefined => v.measured.find((o) => o.id === id);
  const dedicated = priced('dedicated');
  if (dedicated === undefined) {
    return { placement: 'cloud-managed', governingConstraint: 'predictability', rule: 7, reasons: [band, { code: 'no-dedicated-option', args: {} }] };
  }
  const hybrid = priced('hybrid');
  const h = v.hybrid;
  // An assumed flat level has no spread of demand to size a hybrid on: it is priced, not chosen.
  const measuredSpread = u.kind === 'history';
  const hybridCompetes = measuredSpread && hybrid !== undefined && h !== null && h.baselineGpus >= 1 && h.burstShareOfHours >= HYBRID_MIN_BURST_SHARE;
  const candidates = [priced('cloud') as OptionCost, dedicated, ...(hybridCompetes ? [hybrid] : [])];
  const ranked = candidates.sort((a, b) => a.total - b.total);
  const [winner, runnerUp] = ranked as [OptionCost, OptionCost];
  const placement: Placement = winner.id === 'hybrid' ? 'hybrid-burst' : winner.id === 'dedicated' ? 'dedicated-reserved' : 'cloud-managed';
  const reasons: Reason[] = [band, { code: 'cheaper-at-measured', args: { option: winner.id, total: winner.total, other: runnerUp.id, otherTotal: runnerUp.total } }];
  if (winner.id === 'hybrid' && h !== null) reasons.push(hybridSizingReason(h));
  if (measuredSpread && !hybridCompetes && hybrid !== undefined && h !== null && hybrid.total < winner.total) {
    reasons.push({
      code: 'hybrid-bursts-rarely',
      args: { baselineGpus: h.baselineGpus, burstShare: h.burstShareOfHours, limit: HYBRID_MIN_BURST_SHARE, total: hybrid.total, dedicatedGpus: v.scenario.options.dedicated?.gpus ?? null },
    });
  }
  return { placement, governingConstraint: 'predictability', rule: 7, reasons };
}

function hybridSizingReason(h: HybridSizing): Reason {
  return {
    code: 'hybrid-sizing',
    args: { baselineGpus: h.baselineGpus, burstShare: h.burstShareOfHours, criticalRatio: h.criticalRatio, ownedPerGpuHour: h.ownedPerGpuHour, cloudPerBusyGpuHour: h.cloudPerBusyGpuHour },
  };
}

/** With retrieval traffic and a placement away from the index: co-locate, and what separation costs. */
function colocation(placement: Placement, s: ResolvedScenario): Colocation | null {
  const r = s.workload.retrieval;
  const location = LOCATION_OF[placement];
  if (r === undefined || r.gbPerMonth === 0 || location === r.indexLocation) return null;
  const away = trafficCost(location, s).retrieval;
  const together = trafficCost(r.indexLocation, s).retrieval;
  return { indexLocation: r.indexLocation, placementLocation: location, separationCostPerMonth: away - together };
}

export function verdict(v: VerdictInput): Verdict {
  const d = decide(v);
  const best = cheapest(v.measured);
  // hybrid-burst without a hybrid option (no dedicated rates to size it): nothing priced carries it out.
  const option = OPTION_OF[d.placement];
  const priced = v.measured.find((o) => o.id === option);
  const note: Reason | null =
    priced !== undefined && priced.id !== best.id
      ? { code: 'price-disagrees', args: { placementOption: priced.id, placementTotal: priced.total, cheapest: best.id, cheapestTotal: best.total } }
      : null;
  return {
    placement: d.placement,
    governingConstraint: d.governingConstraint,
    rule: d.rule,
    reasons: d.reasons,
    cheapestAtMeasured: best.id,
    placementOption: priced === undefined ? null : option,
    note,
    colocation: colocation(d.placement, v.scenario),
  };
}
