import type { Report } from '../report/build-report.js';
import { percent } from './format.js';

/** Issue 7: how often Monte Carlo reaches the verdict, and the other verdicts it reaches; null without distributions. */
export function confidenceLine(r: Report): string | null {
  const c = r.verdict.confidence;
  if (c === null) return null;
  const others = c.placements.filter((p) => p.placement !== r.verdict.placement).map((p) => `${p.placement} ${percent(p.probability)}`);
  return `Confidence: ${r.verdict.placement} in ${percent(c.probability)} of ${c.trials.toLocaleString('en-US')} trials (seed ${c.seed})${others.length > 0 ? `; ${others.join(', ')}` : ''}`;
}
