/**
 * A quarterly review (issue 5): the current report against the previous one — whether the verdict
 * changed, each trigger's previous and current value and whether it started firing, and how the
 * key numbers moved. Plain data over two reports; no I/O.
 */
import type { Report } from './build-report.js';

export interface Movement {
  metric: string;
  previous: number | null;
  current: number | null;
  /** current − previous; null when either is unknown. */
  change: number | null;
  /** change / |previous|; null when previous is 0 or unknown. */
  relativeChange: number | null;
}

export interface TriggerChange {
  id: string;
  description: string;
  previous: number | null;
  current: number | null;
  firing: boolean;
  wasFiring: boolean;
  startedFiring: boolean;
}

export interface Review {
  verdict: { previous: string; current: string; changed: boolean };
  triggers: TriggerChange[];
  movements: Movement[];
  previousGeneratedAt: string;
}

/** The numbers a review follows, by name, as read from a report. */
export function keyNumbers(r: Pick<Report, 'utilization' | 'options' | 'tokens' | 'traffic'>): Record<string, number | null> {
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
  return { metric, previous: p, current: c, change, relativeChange: change === null || p === 0 || p === null ? null : change / Math.abs(p) };
}

export function compareReports(previous: Report, current: Report): Review {
  const before = new Map(previous.triggers.map((t) => [t.id, t]));
  const prevNumbers = keyNumbers(previous);
  const nowNumbers = keyNumbers(current);
  const metrics = [...new Set([...Object.keys(nowNumbers), ...Object.keys(prevNumbers)])];
  return {
    verdict: {
      previous: previous.verdict.placement,
      current: current.verdict.placement,
      changed: previous.verdict.placement !== current.verdict.placement,
    },
    triggers: current.triggers.map((t) => {
      const p = before.get(t.id);
      const wasFiring = p?.firing ?? false;
      return { id: t.id, description: t.description, previous: p?.current ?? null, current: t.current, firing: t.firing, wasFiring, startedFiring: t.firing && !wasFiring };
    }),
    movements: metrics.map((m) => movement(m, prevNumbers[m], nowNumbers[m])),
    previousGeneratedAt: previous.generatedAt,
  };
}

export const FAIL_ON = ['any', 'verdict-change', 'trigger', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * MODEL.md §11: 3 when the verdict changed or a trigger fires (narrowed by --fail-on), else 0.
 */
export function reviewExitCode(changed: boolean, firing: boolean, failOn: FailOn): 0 | 3 {
  const act = failOn === 'any' ? changed || firing : failOn === 'verdict-change' ? changed : failOn === 'trigger' ? firing : false;
  return act ? 3 : 0;
}
