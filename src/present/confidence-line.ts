import type { Report } from '../report/build-report.js';
import { percentsOfWhole } from './format.js';

/** Issue 7: how often Monte Carlo reaches the verdict, and the other verdicts it reaches; null without distributions. */
export function confidenceLine(r: Report): string | null {
  const c = r.verdict.confidence;
  if (c === null) return null;
  const shown = percentsOfWhole(c.placements.map((p) => p.probability));
  const at = c.placements.findIndex((p) => p.placement === r.verdict.placement);
  const others = c.placements.flatMap((p, i) => (i === at ? [] : [`${p.placement} ${shown[i]}`]));
  return `Confidence: ${r.verdict.placement} in ${at < 0 ? '0.0%' : shown[at]} of ${c.trials.toLocaleString('en-US')} trials (seed ${c.seed})${others.length > 0 ? `; ${others.join(', ')}` : ''}`;
}
