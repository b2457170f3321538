/**
 * When to reopen the decision: triggers that are its boundaries. Exit triggers come from the
 * decision framework's reassessment column for the verdict's family; boundary triggers are the
 * nearest values at which a rule above the deciding one — or the deciding rule's own condition,
 * where the framework gives no exit — would apply. Each threshold's effect is found by re-running
 * the rules with that one input moved across it. No trigger fires in the analysis that made the
 * verdict: one that would is a contradiction in the rules and gives way to its boundary form.
 * Triggers are coded data; their wording lives with the messages.
 */
import type { LatencyAssessment } from '../signals/latency-floors.js';
import { MS_PER_DAY } from '../units.js';
import { thresholdKey } from '../utilization/threshold-key.js';
import { isoDayStart as dayStart } from '../time/iso-day.js';
import { compare, type Comparator } from './check.js';
import { METRIC, belowMetric, sustainedMetric, withConstraint, withMetric } from './move-metric.js';
import { verdict, type Placement, type Verdict, type VerdictInput } from './verdict.js';
import {
  BELOW_DAYS,
  BELOW_UTILIZATION,
  CHURN_CHANGES,
  CHURN_WINDOW_DAYS,
  CLOUD_BELOW_CONSISTENT,
  EGRESS_MATERIAL_SHARE,
  FAR_REGION_SHARE,
  MODEL_STABLE_DAYS,
  PAYBACK_MAX_MONTHS,
  PEAK_TO_MEDIAN_MAX,
  RESERVED_MAX_BURST_SHARE,
  SUSTAINED_DAYS,
  SUSTAINED_UTILIZATION,
  TOKEN_STABLE_MAX_CV,
  TOKEN_VOLATILE_CV,
} from '../constants.js';

export type TriggerEffect =
  /** Crossing it, today's rules give another placement. */
  | { code: 'verdict-becomes'; args: { placement: Placement } }
  /** One of several conditions another placement needs; `others` still fail. */
  | { code: 'towards'; args: { placement: Placement; others: number } }
  /** The reason for the placement no longer holds: reopen the decision. */
  | { code: 'basis-lost'; args: { placement: Placement } };

export interface Trigger {
  id: string;
  kind: 'metric' | 'manual';
  /** exit: the framework's reassessment condition for the family; boundary: where a rule would change the verdict. */
  role: 'exit' | 'boundary';
  metric: string | null;
  comparator: Comparator | null;
  threshold: number | null;
  windowDays: number | null;
  current: number | null;
  /** Never true in the analysis that made the verdict; a review judges a recorded trigger on later data. */
  firing: boolean;
  effect: TriggerEffect;
  /** The entry condition, when this exit is deliberately apart from it so the verdict does not flap. */
  hysteresis: { comparator: Comparator; threshold: number } | null;
}

export interface TriggerInput {
  /** The rules' input as the verdict saw it, with on-prem's NPV filled in. */
  verdictInput: VerdictInput;
  verdict: Verdict;
  /** The value of every metric a trigger may watch, as measured. */
  metrics: Readonly<Record<string, number | null>>;
  /** Days of the utilization window, for the sustained-day triggers. */
  windowDays: number | null;
}

/** Whole days from the latest model change to asOf; null when none is recorded. */
export function daysSinceModelChange(changes: ReadonlyArray<string>, asOf: number): number | null {
  const past = changes.map(dayStart).filter((t) => t <= asOf);
  return past.length === 0 ? null : Math.floor((asOf - Math.max(...past)) / MS_PER_DAY);
}

/** Model changes in the `days` days up to asOf. */
export function modelChangesWithin(changes: ReadonlyArray<string>, asOf: number, days: number): number {
  return changes.map(dayStart).filter((t) => t <= asOf && t > asOf - days * MS_PER_DAY).length;
}

/**
 * The least TTFT target at which the far-region share drops under 20 %: a region is served from
 * the centre when its floor ≤ the target, so the answer is one of the floors. null without regions.
 */
export function edgeExitTarget(latency: LatencyAssessment): number | null {
  const floors = [...new Set(latency.regions.map((r) => r.floorMs))].sort((a, b) => a - b);
  for (const f of floors) {
    const far = latency.regions.filter((r) => r.floorMs > f).reduce((s, r) => s + r.trafficShare, 0);
    if (far < FAR_REGION_SHARE) return f;
  }
  return null;
}

/** Trigger ids for the repatriation checks, by the metric they watch. */
const REPATRIATION_TRIGGER: Record<string, string> = {
  [METRIC.consistent]: 'onprem-consistent-60',
  [sustainedMetric(thresholdKey(SUSTAINED_UTILIZATION))]: 'onprem-sustained-60',
  [METRIC.egressShare]: 'egress-share-material',
  [METRIC.tokenCv]: 'onprem-token-cv',
  [METRIC.tokenTrend]: 'onprem-token-trend',
  [METRIC.peakToMedian]: 'concurrency-flat',
};

interface Candidate {
  id: string;
  role: 'exit' | 'boundary';
  metric: string;
  comparator: Comparator;
  threshold: number;
  windowDays?: number | null;
  hysteresis?: { comparator: Comparator; threshold: number };
  /** A step towards this placement when crossing it alone does not get there. */
  towards?: Placement;
  /** When this exit would fire at once, the boundary that stands in for it. */
  insteadWhenFiring?: Candidate;
}

interface ManualCandidate {
  id: string;
  role: 'exit' | 'boundary';
  /** The constraint it switches, to find its effect; none for a review by hand. */
  switches?: { constraint: 'sovereignty' | 'agentic'; on: boolean };
}

/** The value just across a threshold, on the side where the comparison holds. */
function across(comparator: Comparator, threshold: number): number {
  const step = Math.max(1e-9, Math.abs(threshold) * 1e-9);
  return comparator === '>' ? threshold + step : comparator === '<' ? threshold - step : threshold;
}

const reservedFamily = (p: Placement): boolean => p === 'dedicated-reserved' || p === 'hybrid-burst';

export function triggers(t: TriggerInput): Trigger[] {
  const v = t.verdict;
  const vi = t.verdictInput;
  const p = v.placement;
  const value = (m: string): number | null => t.metrics[m] ?? null;
  const metrics: Candidate[] = [];
  const manual: ManualCandidate[] = [];
  const days = t.windowDays;
  const sustained60 = thresholdKey(SUSTAINED_UTILIZATION);
  const hasOnPrem = vi.scenario.options.onPrem !== undefined;

  // Boundaries of the rules above the one that decided.
  if (v.rule > 1)
    manual.push({ id: 'becomes-sovereign', role: 'boundary', switches: { constraint: 'sovereignty', on: true } });
  if (v.rule > 2 && vi.latency.targetMs !== null && vi.latency.regions.length > 0) {
    metrics.push({
      id: 'far-region-share-rises',
      role: 'boundary',
      metric: METRIC.farShare,
      comparator: '>=',
      threshold: FAR_REGION_SHARE,
    });
  }
  if (v.rule > 3) {
    metrics.push({
      id: 'token-cv-volatile',
      role: 'boundary',
      metric: METRIC.tokenCv,
      comparator: '>',
      threshold: TOKEN_VOLATILE_CV,
    });
    manual.push({ id: 'becomes-agentic', role: 'boundary', switches: { constraint: 'agentic', on: true } });
  }
  const consistentBelow40: Candidate = {
    id: 'consistent-below-40',
    role: 'boundary',
    metric: METRIC.consistent,
    comparator: '<',
    threshold: CLOUD_BELOW_CONSISTENT,
  };
  if (v.rule > 4) metrics.push(consistentBelow40);
  if (v.rule > 5 && hasOnPrem) {
    // Rule 5's conditions that fail today, each the nearest value at which it would hold.
    for (const c of vi.repatriation.conditions) {
      for (const check of c.checks) {
        if (check.value !== null && compare(check.value, check.comparator, check.threshold)) continue;
        const id = REPATRIATION_TRIGGER[check.metric] ?? `onprem-${check.metric}`;
        metrics.push({
          id,
          role: 'boundary',
          metric: check.metric,
          comparator: check.comparator,
          threshold: check.threshold,
          towards: 'on-prem',
          windowDays: check.metric.includes('sustainedDays') ? days : null,
        });
      }
    }
    const payback = vi.onPremPaybackMonths;
    if (payback === null || payback > PAYBACK_MAX_MONTHS)
      metrics.push({
        id: 'onprem-payback-within',
        role: 'boundary',
        metric: METRIC.payback,
        comparator: '<=',
        threshold: PAYBACK_MAX_MONTHS,
        towards: 'on-prem',
      });
    const npv = vi.onPremNpv;
    if (npv !== null && npv <= 0)
      metrics.push({
        id: 'onprem-npv-positive',
        role: 'boundary',
        metric: METRIC.onPremNpv,
        comparator: '>',
        threshold: 0,
        towards: 'on-prem',
      });
  }
  if (v.rule > 6) {
    metrics.push(
      {
        id: 'consistent-reaches-60',
        role: 'boundary',
        metric: METRIC.consistent,
        comparator: '>=',
        threshold: SUSTAINED_UTILIZATION,
      },
      {
        id: 'sustained-60',
        role: 'boundary',
        metric: sustainedMetric(sustained60),
        comparator: '>=',
        threshold: SUSTAINED_DAYS,
        windowDays: days,
      },
    );
  }

  // The framework's exits for the placement, and the deciding rule's own boundary where it gives none.
  const belowHysteresis = { comparator: '>=' as const, threshold: SUSTAINED_UTILIZATION };
  const steady: Candidate[] = [
    {
      id: 'utilization-below-50',
      role: 'exit',
      metric: belowMetric(thresholdKey(BELOW_UTILIZATION)),
      comparator: '>=',
      threshold: BELOW_DAYS,
      windowDays: days,
      hysteresis: belowHysteresis,
      insteadWhenFiring: consistentBelow40,
    },
    // A reservation came in below the volatile 0.35 and leaves at 0.25; on-prem came in at ≤ 0.25.
    {
      id: 'token-volatility',
      role: 'exit',
      metric: METRIC.tokenCv,
      comparator: '>',
      threshold: TOKEN_STABLE_MAX_CV,
      ...(p !== 'on-prem' && { hysteresis: { comparator: '>', threshold: TOKEN_VOLATILE_CV } }),
    },
    {
      id: 'model-churn',
      role: 'exit',
      metric: METRIC.modelChanges,
      comparator: '>=',
      threshold: CHURN_CHANGES,
      windowDays: CHURN_WINDOW_DAYS,
    },
  ];
  switch (p) {
    case 'cloud-managed':
      metrics.push(
        {
          id: 'consistent-utilization-40',
          role: 'exit',
          metric: sustainedMetric(thresholdKey(CLOUD_BELOW_CONSISTENT)),
          comparator: '>=',
          threshold: SUSTAINED_DAYS,
          windowDays: days,
          insteadWhenFiring: {
            id: 'consistent-reaches-40',
            role: 'boundary',
            metric: METRIC.consistent,
            comparator: '>=',
            threshold: CLOUD_BELOW_CONSISTENT,
          },
        },
        {
          id: 'model-selection-hardens',
          role: 'exit',
          metric: METRIC.daysSinceModelChange,
          comparator: '>=',
          threshold: MODEL_STABLE_DAYS,
        },
      );
      if (v.rule === 7 && vi.reserved !== null)
        metrics.push({
          id: 'reservation-pays',
          role: 'exit',
          metric: METRIC.reservedSaving,
          comparator: '>',
          threshold: 0,
        });
      break;
    case 'on-prem-sovereign':
      manual.push(
        { id: 'regulatory-change', role: 'exit', switches: { constraint: 'sovereignty', on: false } },
        { id: 'sovereign-cloud-region', role: 'exit' },
      );
      break;
    case 'edge': {
      const target = edgeExitTarget(vi.latency);
      if (target !== null)
        metrics.push({
          id: 'latency-target-relaxes',
          role: 'exit',
          metric: METRIC.ttftTarget,
          comparator: '>=',
          threshold: target,
        });
      metrics.push({
        id: 'far-region-share',
        role: 'exit',
        metric: METRIC.farShare,
        comparator: '<',
        threshold: FAR_REGION_SHARE,
      });
      break;
    }
    case 'on-prem':
      metrics.push(
        ...steady,
        {
          id: 'onprem-below-break-even',
          role: 'exit',
          metric: METRIC.mean,
          comparator: '<',
          threshold: value('onprem.breakEvenUtilization') ?? 0,
        },
        {
          id: 'onprem-payback-beyond',
          role: 'exit',
          metric: METRIC.payback,
          comparator: '>',
          threshold: PAYBACK_MAX_MONTHS,
        },
        { id: 'onprem-npv-negative', role: 'exit', metric: METRIC.onPremNpv, comparator: '<=', threshold: 0 },
        {
          id: 'egress-immaterial',
          role: 'exit',
          metric: METRIC.egressShare,
          comparator: '<',
          threshold: EGRESS_MATERIAL_SHARE,
        },
        {
          id: 'concurrency-peaks',
          role: 'exit',
          metric: METRIC.peakToMedian,
          comparator: '>',
          threshold: PEAK_TO_MEDIAN_MAX,
        },
      );
      if (value('onprem.breakEvenUtilization') === null)
        metrics.splice(
          metrics.findIndex((c) => c.id === 'onprem-below-break-even'),
          1,
        );
      manual.push({ id: 'annual-review', role: 'exit' });
      break;
    case 'dedicated-reserved':
    case 'hybrid-burst':
      if (v.rule === 3) {
        const cv = vi.tokens?.cv ?? null;
        if (cv !== null && cv > TOKEN_VOLATILE_CV) {
          metrics.push({
            id: 'token-cv-stable',
            role: 'exit',
            metric: METRIC.tokenCv,
            comparator: '<=',
            threshold: TOKEN_STABLE_MAX_CV,
            hysteresis: { comparator: '>', threshold: TOKEN_VOLATILE_CV },
          });
        }
        if (vi.scenario.workload.constraints.agentic)
          manual.push({ id: 'stops-agentic', role: 'exit', switches: { constraint: 'agentic', on: false } });
        break;
      }
      metrics.push(...steady);
      if (vi.reserved !== null && vi.reserved.gpus > 0) {
        metrics.push(
          p === 'hybrid-burst'
            ? {
                id: 'burst-share',
                role: 'boundary',
                metric: METRIC.burstShare,
                comparator: '<',
                threshold: RESERVED_MAX_BURST_SHARE,
                windowDays: days,
              }
            : {
                id: 'burst-share-rises',
                role: 'boundary',
                metric: METRIC.burstShare,
                comparator: '>=',
                threshold: RESERVED_MAX_BURST_SHARE,
                windowDays: days,
              },
        );
        if (v.rule === 7)
          metrics.push({
            id: 'reserved-stops-saving',
            role: 'exit',
            metric: METRIC.reservedSaving,
            comparator: '<=',
            threshold: 0,
          });
      }
      break;
  }

  const out: Trigger[] = [];
  const seen = new Set<string>();
  const placementAt = (input: VerdictInput): Placement => verdict(input).placement;
  const effectOf = (c: Candidate): TriggerEffect | null => {
    const after = placementAt(withMetric(vi, c.metric, across(c.comparator, c.threshold)));
    if (after !== p) return { code: 'verdict-becomes', args: { placement: after } };
    if (c.towards !== undefined) {
      const others = metrics.filter((o) => o.towards === c.towards && o.id !== c.id).length;
      return { code: 'towards', args: { placement: c.towards, others } };
    }
    return c.role === 'exit' ? { code: 'basis-lost', args: { placement: p } } : null;
  };
  const add = (c: Candidate): void => {
    // Two rules may name the same crossing (rule 5's and rule 6's 60 % for 90 days): keep the first.
    const key = `${c.metric} ${c.comparator} ${c.threshold}`;
    if (seen.has(c.id) || seen.has(key)) return;
    const current = value(c.metric);
    const firing = current !== null && compare(current, c.comparator, c.threshold);
    if (firing) {
      // A contradiction in the rules: it gives way to its boundary form, if it has one.
      if (c.insteadWhenFiring !== undefined) add(c.insteadWhenFiring);
      return;
    }
    const effect = effectOf(c);
    // A boundary that changes nothing is not one (e.g. rule 6's conditions under a rule-7 plan it would keep).
    if (effect === null) return;
    seen.add(c.id);
    seen.add(key);
    out.push({
      id: c.id,
      kind: 'metric',
      role: c.role,
      metric: c.metric,
      comparator: c.comparator,
      threshold: c.threshold,
      windowDays: c.windowDays ?? null,
      current,
      firing: false,
      effect,
      hysteresis: c.hysteresis ?? null,
    });
  };
  // Exits first: they are the decision's own terms; then the boundaries, nearest rule first.
  for (const c of metrics.filter((x) => x.role === 'exit')) add(c);
  for (const m of manual.filter((x) => x.role === 'exit')) out.push(manualTrigger(m, vi, p, placementAt));
  for (const c of metrics.filter((x) => x.role === 'boundary').reverse()) add(c);
  for (const m of manual.filter((x) => x.role === 'boundary').reverse()) {
    const t = manualTrigger(m, vi, p, placementAt);
    // A constraint that would not change the placement (agentic under a hybrid-burst) is no boundary.
    if (t.effect.code === 'verdict-becomes') out.push(t);
  }
  if (reservedFamily(p) && out.length === 0)
    out.push(manualTrigger({ id: 'annual-review', role: 'exit' }, vi, p, placementAt));
  return out;
}

function manualTrigger(
  m: ManualCandidate,
  vi: VerdictInput,
  p: Placement,
  placementAt: (v: VerdictInput) => Placement,
): Trigger {
  const after = m.switches === undefined ? p : placementAt(withConstraint(vi, m.switches.constraint, m.switches.on));
  return {
    id: m.id,
    kind: 'manual',
    role: m.role,
    metric: null,
    comparator: null,
    threshold: null,
    windowDays: null,
    current: null,
    firing: false,
    effect:
      after !== p
        ? { code: 'verdict-becomes', args: { placement: after } }
        : { code: 'basis-lost', args: { placement: p } },
    hysteresis: null,
  };
}
