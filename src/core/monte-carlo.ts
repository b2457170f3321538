/**
 * Monte Carlo over the scenario's distributions (issue 7): each trial draws every uncertain
 * field, re-prices and re-decides with the same decide() analyze uses, and keeps the verdict, each
 * option's month at the measured profile and owning's NPV. Seeded: a seed gives the same trials
 * on any machine. The histories are measured once; an uncertain `utilization.assumed` re-derives
 * the flat profile in each trial.
 */
import { withValuesAt, type ValueAt } from '../scenario/uncertain-fields.js';
import { draw, type UncertainField } from '../scenario/distributions.js';
import { decide, type Measurement } from './analyze.js';
import { measuredProfile } from './cost/demand-profile.js';
import type { OptionId } from './cost/option-cost.js';
import { monthlyDiscountRate, npv } from './economics/npv.js';
import { seededRandom } from './random.js';
import { percentileOfSorted } from './stats/percentile.js';
import { profileFromAssumption } from './utilization/utilization-profile.js';
import { PLACEMENTS, type Placement } from './verdict/verdict.js';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;

export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface MonteCarlo {
  trials: number;
  seed: number;
  fields: UncertainField[];
  /** Share of trials ending in each placement that occurred, most likely first. */
  placements: Array<{ placement: Placement; probability: number }>;
  /** Each option's month at the measured profile. */
  monthly: Array<{ id: OptionId; spread: Spread }>;
  /** NPV of owning against cloud, for the owned options. */
  npv: Array<{ id: OptionId; spread: Spread }>;
}

const ASSUMED = 'workload.utilization.assumed';

function spreadOf(values: Float64Array): Spread {
  let sum = 0;
  for (const v of values) sum += v;
  const sorted = values.sort();
  return { mean: sum / values.length, p10: percentileOfSorted(sorted, 0.1) as number, p50: percentileOfSorted(sorted, 0.5) as number, p90: percentileOfSorted(sorted, 0.9) as number };
}

/** The per-trial column of `id` in `columns`, made on first use. */
function columnOf(columns: Map<OptionId, Float64Array>, id: OptionId, trials: number): Float64Array {
  let column = columns.get(id);
  if (column === undefined) columns.set(id, (column = new Float64Array(trials)));
  return column;
}

export function monteCarlo(m: Measurement, trials: number, seed: number): MonteCarlo {
  const base = m.billed;
  const fields = base.uncertain;
  const random = seededRandom(seed);
  const counts = new Map<Placement, number>();
  const monthly = new Map<OptionId, Float64Array>();
  const npvs = new Map<OptionId, Float64Array>();
  const assumedSampled = fields.some((f) => f.field === ASSUMED) && m.utilization.kind === 'assumed';
  const drawn: ValueAt[] = fields.map((f) => ({ path: f.path, value: 0 }));
  for (let t = 0; t < trials; t++) {
    let u = m.utilization;
    let measured = m.measured;
    fields.forEach((f, i) => {
      const x = draw(f.distribution, random);
      (drawn[i] as ValueAt).value = x;
      if (f.field === ASSUMED && assumedSampled) {
        u = profileFromAssumption(x, base.thresholds);
        measured = measuredProfile(u.hourly, base.workload.referenceGpus);
      }
    });
    const s = withValuesAt(base, drawn);
    const d = decide(s, u, m.tokens, measured, 'owned');
    counts.set(d.verdict.placement, (counts.get(d.verdict.placement) ?? 0) + 1);
    for (const c of d.measuredCosts) columnOf(monthly, c.id, trials)[t] = c.total;
    const rate = monthlyDiscountRate(s.discountRate);
    for (const [id, o] of d.ownership) columnOf(npvs, id, trials)[t] = npv(o.cashFlows, rate);
  }
  return {
    trials,
    seed,
    fields,
    placements: PLACEMENTS.map((p) => ({ placement: p, probability: (counts.get(p) ?? 0) / trials }))
      .filter((p) => p.probability > 0)
      .sort((a, b) => b.probability - a.probability),
    monthly: [...monthly].map(([id, v]) => ({ id, spread: spreadOf(v) })),
    npv: [...npvs].map(([id, v]) => ({ id, spread: spreadOf(v) })),
  };
}
