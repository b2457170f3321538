import type { Report } from '../report/build-report.js';
import type { JudgedTrigger, Review } from '../report/compare-reports.js';
import { money, orDash } from './format.js';
import { OPTION_LABEL } from './labels.js';
import { formatKeyNumber, signedPercent, triggerLine } from './metric-format.js';
import { limitWords } from './portfolio-section.js';

const reviewValue = (metric: string, v: number | null, currency: string): string =>
  v === null ? '–' : formatKeyNumber(metric, v, currency);

/** The first line of a review: the baseline, the verdict against the decision in force, or a change inside a deliberate gap. */
export function reviewHeadline(r: Report, review: Review | null, ctx: { baseline: string | null }): string {
  if (review === null) {
    return ctx.baseline !== null
      ? `No decision in force yet: this review is the baseline, saved to ${ctx.baseline}. Verdict: ${r.verdict.placement}.`
      : `Verdict: ${r.verdict.placement} (no decision in force to judge against: give --decision or --previous).`;
  }
  const v = review.verdict;
  const since = review.previousGeneratedAt.slice(0, 10);
  if (!v.changed) return `Verdict unchanged: ${v.current} (the decision in force, of ${since}).`;
  if (v.insideHysteresis) {
    return `Today's rules would give ${v.current}; no trigger of the decision in force (${v.previous}, of ${since}) has fired: inside the hysteresis band.`;
  }
  return `Verdict changed: ${v.previous} → ${v.current}.`;
}

/** The triggers of the decision in force as judged today, firing first. */
export function judgedLines(triggers: ReadonlyArray<JudgedTrigger>, currency: string): string[] {
  const line = (t: JudgedTrigger): string => {
    const text = triggerLine({ ...t, current: t.today }, currency);
    return t.firing ? `- **● FIRING${t.isNew ? ' (new)' : ''}** ${text}` : `- ○ ${text}`;
  };
  return [...triggers.filter((t) => t.firing), ...triggers.filter((t) => !t.firing)].map(line);
}

/** The key numbers' movement as table rows: named in words; a change of a share in points. */
export function movementRows(review: Review, currency: string): string[][] {
  return review.movements.map((m) => {
    const points = SHARE_NUMBER.test(m.metric);
    const change =
      m.change === null
        ? '–'
        : points
          ? `${m.change >= 0 ? '+' : '−'}${(Math.abs(m.change) * 100).toFixed(1)} pts`
          : `${m.change >= 0 ? '+' : '−'}${reviewValue(m.metric, Math.abs(m.change), currency)}`;
    return [
      numberWords(m.metric),
      reviewValue(m.metric, m.previous, currency),
      reviewValue(m.metric, m.current, currency),
      change,
      m.relativeChange === null ? '–' : signedPercent(m.relativeChange),
    ];
  });
}

/** Key numbers that are shares: they move in percentage points. */
const SHARE_NUMBER = /(utilization\.mean|utilization\.consistent|breakEvenUtilization|egressShare)$/;

/** A key number in words: "mean utilization", "cloud a month". */
export function numberWords(metric: string): string {
  const words: Record<string, string> = {
    'utilization.mean': 'mean utilization',
    'utilization.consistent': 'consistent utilization',
    'onprem.breakEvenUtilization': 'on-prem break-even',
    'onprem.paybackMonths': 'on-prem payback',
    'tokens.cv': 'token cv',
    'traffic.egressShare': 'egress share',
  };
  const monthly = /^([a-z]+)\.monthly$/.exec(metric);
  return words[metric] ?? (monthly ? `${OPTION_LABEL[monthly[1] as string] ?? monthly[1]} a month` : metric);
}

/** The portfolio's models then and now: each one's verdict alone ("then → now" when it moved) and its share of the pool's month. */
export const MODEL_CHANGE_HEAD = ['model', 'alone', 'share then', 'share now'];

export function modelChangeRows(review: Review, currency: string): string[][] {
  const cash = (x: number | null | undefined): string => orDash(x, (v) => money(v, currency));
  return (review.models ?? []).map((m) => {
    const then = m.previous?.placement ?? 'not there';
    const now = m.current?.placement ?? 'gone';
    return [m.name, then === now ? now : `${then} → ${now}`, cash(m.previous?.share), cash(m.current?.share)];
  });
}

/** The portfolio's limits passed today, "NEW" when within them at the decision in force; none: one line saying so. */
export function limitLines(review: Review): string[] {
  const over = (review.limits ?? []).filter((l) => l.overLimit);
  if (over.length === 0) return ['  The portfolio is within its limits.'];
  return over.map((l) => `  ${l.isNew ? 'NEW' : '•'} ${limitWords(l)}`);
}
