/**
 * A quarterly review: today's analysis against the decision in force (the previous report) —
 * each trigger recorded with that decision judged on today's metrics, whether today's rules give
 * another placement, and how the key numbers moved. Plain data; no I/O.
 */
import { compare, type Comparator } from '../model/verdict/check.js';
import type { Report } from './build-report.js';
import type { GovernanceCheck } from '../model/portfolio/governance.js';
import { MS_PER_DAY } from '../model/units.js';

export interface Movement {
  metric: string;
  previous: number | null;
  current: number | null;
  /** current − previous; null when either is unknown. */
  change: number | null;
  /** change / |previous|; null when previous is 0 or unknown. */
  relativeChange: number | null;
}

/** A trigger of the decision in force, judged on today's metrics. */
export interface JudgedTrigger {
  id: string;
  kind: 'metric' | 'manual';
  description: string;
  /** What crossing it means, as recorded with the decision. */
  effect: string | null;
  metric: string | null;
  comparator: Comparator | null;
  threshold: number | null;
  /** The value when the decision was made. */
  atDecision: number | null;
  /** Today's value; null when today's analysis cannot say (no such input, or a metric it no longer has). */
  today: number | null;
  /** threshold − today, in the metric's unit. */
  distance: number | null;
  firing: boolean;
  /** Firing today but not at the last review recorded in the history (every firing one, without a history). */
  isNew: boolean;
}

/** A limit of the portfolio judged today; `verdict-diverges`: a model's own verdict has differed from its pool's since the decision in force. */
export interface JudgedLimit {
  id: GovernanceCheck['id'] | 'verdict-diverges';
  model: string | null;
  value: number;
  limit: number;
  overLimit: boolean;
  /** Over today, within it at the decision in force (or not recorded there). */
  isNew: boolean;
}

/** A model of a portfolio at the decision in force and today: its verdict and month alone, its share. */
export interface ModelChange {
  name: string;
  previous: { placement: string; aloneMonthly: number | null; share: number | null } | null;
  current: { placement: string; aloneMonthly: number; share: number } | null;
}

export interface Review {
  verdict: {
    /** The decision in force: the previous report's placement. */
    previous: string;
    /** What today's rules give. */
    current: string;
    changed: boolean;
    /** The verdict changed but no trigger of the decision in force fired: the change sits in a deliberate gap. */
    insideHysteresis: boolean;
  };
  triggers: JudgedTrigger[];
  movements: Movement[];
  /** A portfolio's models then and now (a model added or gone has one side null); null without a portfolio. */
  models: ModelChange[] | null;
  /** Today's portfolio against its limits, each said new when it was within them at the decision in force; null without a portfolio. */
  limits: JudgedLimit[] | null;
  previousGeneratedAt: string;
}

type RecordedTrigger = Report['triggers'][number] & Partial<Pick<Report['triggers'][number], 'effect'>>;

/**
 * The triggers recorded in the decision in force (their thresholds as recorded), judged on
 * today's metrics. `lastFiring`: the ids firing at the last review, to tell a new alarm from one
 * already raised; null without a history.
 */
export function judgeTriggers(
  recorded: ReadonlyArray<RecordedTrigger>,
  today: Readonly<Record<string, number | null>>,
  lastFiring: ReadonlyArray<string> | null,
): JudgedTrigger[] {
  return recorded.map((t) => {
    const value = t.kind === 'metric' && t.metric !== null ? (today[t.metric] ?? null) : null;
    const firing =
      value !== null && t.comparator !== null && t.threshold !== null && compare(value, t.comparator, t.threshold);
    return {
      id: t.id,
      kind: t.kind,
      description: t.description,
      effect: t.effect ?? null,
      metric: t.metric,
      comparator: t.comparator,
      threshold: t.threshold,
      atDecision: t.current,
      today: value,
      distance: value === null || t.threshold === null ? null : t.threshold - value,
      firing,
      isNew: firing && !(lastFiring ?? []).includes(t.id),
    };
  });
}

/** The numbers a review follows, by name, as read from a report. */
export function keyNumbers(
  r: Pick<Report, 'utilization' | 'options' | 'tokens' | 'traffic'>,
): Record<string, number | null> {
  const onprem = r.options.find((o) => o.id === 'onprem');
  const out: Record<string, number | null> = {
    'utilization.mean': r.utilization.mean,
    'utilization.consistent': r.utilization.consistent,
    'onprem.breakEvenUtilization': onprem?.breakEvenUtilization ?? null,
    'onprem.paybackMonths': onprem?.paybackMonths ?? null,
    'tokens.cv': r.tokens.cv,
    'traffic.egressShare': r.traffic.egressShare,
  };
  for (const o of r.options) out[`${o.id}.monthly`] = o.monthly.total ?? null;
  return out;
}

function movement(metric: string, previous: number | null | undefined, current: number | null | undefined): Movement {
  const p = previous ?? null;
  const c = current ?? null;
  const change = p === null || c === null ? null : c - p;
  return {
    metric,
    previous: p,
    current: c,
    change,
    relativeChange: change === null || p === 0 || p === null ? null : change / Math.abs(p),
  };
}

export function compareReports(
  previous: Report,
  current: Report,
  todayMetrics: Readonly<Record<string, number | null>>,
  lastFiring: ReadonlyArray<string> | null = null,
): Review {
  const prevNumbers = keyNumbers(previous);
  const nowNumbers = keyNumbers(current);
  const metrics = [...new Set([...Object.keys(nowNumbers), ...Object.keys(prevNumbers)])];
  const triggers = judgeTriggers(previous.triggers, todayMetrics, lastFiring);
  const changed = previous.verdict.placement !== current.verdict.placement;
  return {
    verdict: {
      previous: previous.verdict.placement,
      current: current.verdict.placement,
      changed,
      insideHysteresis: changed && !triggers.some((t) => t.firing),
    },
    triggers,
    movements: metrics.map((m) => movement(m, prevNumbers[m], nowNumbers[m])),
    models: modelChanges(previous, current),
    limits: judgeLimits(previous, current),
    previousGeneratedAt: previous.generatedAt,
  };
}

/** The placement of the pool a model is in: its group's when models are placed apart. */
function pooledPlacement(r: Partial<Report>, model: string): string | undefined {
  const m = r.portfolio?.models.find((x) => x.name === model);
  const g = r.portfolio?.split?.groups.find((x) => x.id === m?.group);
  return g?.placement ?? r.verdict?.placement;
}

/**
 * Today's limits, each new unless the decision in force recorded it over already; and, for a
 * model whose own verdict differed from its pool's at the decision in force and still does, how
 * long since (over the limit at the policy's days). A report without limits recorded has none new.
 */
function judgeLimits(previous: Report, current: Report): JudgedLimit[] | null {
  const now = current.portfolio;
  if (now === null) return null;
  const then = (previous as Partial<Report>).portfolio;
  const recorded = then?.checks;
  const judged: JudgedLimit[] = now.checks.map((c) => ({
    ...c,
    isNew:
      c.overLimit &&
      recorded !== undefined &&
      !recorded.some((p) => p.id === c.id && p.model === c.model && p.overLimit),
  }));
  const days = (Date.parse(current.generatedAt) - Date.parse(previous.generatedAt)) / MS_PER_DAY;
  for (const m of now.models) {
    const before = then?.models.find((p) => p.name === m.name);
    if (before === undefined || !Number.isFinite(days)) continue;
    const apart = (r: Partial<Report>, placement: string) => placement !== pooledPlacement(r, m.name);
    if (!apart(previous, before.alone.placement) || !apart(current, m.alone.placement)) continue;
    const over = days >= now.policy.divergenceDays;
    judged.push({
      id: 'verdict-diverges',
      model: m.name,
      value: days,
      limit: now.policy.divergenceDays,
      overLimit: over,
      isNew: over,
    });
  }
  return judged;
}

/** The portfolio's models by name: today's in their order, then those the decision in force had and today's has not. */
function modelChanges(previous: Report, current: Report): ModelChange[] | null {
  const before = (previous as Partial<Report>).portfolio?.models ?? [];
  const now = current.portfolio?.models ?? [];
  if (before.length === 0 && now.length === 0) return null;
  const then = new Map(before.map((m) => [m.name, m]));
  const changes: ModelChange[] = now.map((m) => {
    const p = then.get(m.name);
    return {
      name: m.name,
      previous:
        p === undefined
          ? null
          : { placement: p.alone.placement, aloneMonthly: p.alone.monthly ?? null, share: p.attributedMonthly ?? null },
      current: { placement: m.alone.placement, aloneMonthly: m.alone.monthly, share: m.attributedMonthly },
    };
  });
  for (const p of before)
    if (!now.some((m) => m.name === p.name))
      changes.push({
        name: p.name,
        previous: {
          placement: p.alone.placement,
          aloneMonthly: p.alone.monthly ?? null,
          share: p.attributedMonthly ?? null,
        },
        current: null,
      });
  return changes;
}

export const FAIL_ON = ['trigger', 'new-trigger', 'verdict-change', 'any', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * 3 when the decision in force should be reopened, else 0: by default when one of its triggers
 * fires; `new-trigger` only for one that did not fire at the last review; `verdict-change` when
 * today's rules give another placement (a change inside a deliberate gap fires no trigger);
 * `any` for either.
 */
export function reviewExitCode(r: { firing: boolean; newFiring: boolean; changed: boolean }, failOn: FailOn): 0 | 3 {
  const act =
    failOn === 'trigger'
      ? r.firing
      : failOn === 'new-trigger'
        ? r.newFiring
        : failOn === 'verdict-change'
          ? r.changed
          : failOn === 'any'
            ? r.firing || r.changed
            : false;
  return act ? 3 : 0;
}
