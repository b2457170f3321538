import type { Report } from '../report/build-report.js';
import type { Review } from '../report/compare-reports.js';

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
