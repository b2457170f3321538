/**
 * Monte Carlo over the scenario's distributions: each trial draws every uncertain
 * field, re-prices and re-decides with the same decide() analyze uses, and keeps the verdict, each
 * option's month at the measured profile and owning's NPV. Seeded: a seed gives the same trials
 * on any machine. The histories are measured once; an uncertain `utilization.assumed` re-derives
 * the flat profile in each trial.
 */
import { fieldWriter } from './field-writer.js';
import { draw, type UncertainField } from './distributions.js';
import { decide, type Measurement } from '../analysis/analyze.js';
import { measuredProfile } from '../demand/demand-profile.js';
import type { OptionId } from '../cost/option-cost.js';
import { monthlyDiscountRate, npv } from '../ownership/npv.js';
import { seededRandom } from './random.js';
import { percentileOfSorted, percentilesByRank } from '../stats/percentile.js';
import { assumedProfiles } from '../utilization/utilization-profile.js';
import { PLACEMENTS, type Placement } from '../verdict/verdict.js';

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

/** Mean, p10, p50 and p90 of a column of trials (which it reorders). */
function spreadOf(values: Float64Array): Spread {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  // A NaN (none is expected) has no rank to select: the sort puts it last, as before.
  const ps = [0.1, 0.5, 0.9];
  const sorted = Number.isNaN(sum) ? values.sort() : null;
  const [p10, p50, p90] =
    sorted === null ? percentilesByRank(values, ps) : ps.map((p) => percentileOfSorted(sorted, p) as number);
  return { mean: sum / values.length, p10: p10 as number, p50: p50 as number, p90: p90 as number };
}

/**
 * Trials run in blocks, each with its own stream seeded from (seed, block): trial t's draws are
 * the same whether one thread runs every block or several threads share them.
 */
export const BLOCK_TRIALS = 1000;

/** A 32-bit mix of the seed and the block number (murmur3's finaliser), the block's stream seed. */
export function blockSeed(seed: number, block: number): number {
  let h = (seed ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What a run of trials keeps, one entry per trial: plain data and typed arrays, to pass between threads. */
export interface TrialColumns {
  /** Index into PLACEMENTS. */
  placements: Uint8Array;
  monthly: Array<{ id: OptionId; values: Float64Array }>;
  npv: Array<{ id: OptionId; values: Float64Array }>;
}

/** Trials first … first + count − 1; `first` starts a block (a multiple of BLOCK_TRIALS). */
export function runTrials(m: Measurement, seed: number, first: number, count: number): TrialColumns {
  if (first % BLOCK_TRIALS !== 0) throw new Error(`runTrials: trial ${first} does not start a block`);
  const base = m.billed;
  const fields = base.uncertain;
  const assumedSampled = fields.some((f) => f.field === ASSUMED) && m.utilization.kind === 'assumed';
  const placements = new Uint8Array(count);
  const monthly = new Map<OptionId, Float64Array>();
  const npvs = new Map<OptionId, Float64Array>();
  const column = (columns: Map<OptionId, Float64Array>, id: OptionId): Float64Array => {
    let c = columns.get(id);
    if (c === undefined) columns.set(id, (c = new Float64Array(count)));
    return c;
  };
  const drawn = new Float64Array(fields.length);
  // The trial's scenario: a private copy whose drawn fields each trial overwrites; a trial keeps
  // only numbers from it.
  const withDrawn = fieldWriter(
    base,
    fields.map((f) => f.path),
  );
  const assumedAt = assumedProfiles(base.thresholds);
  let random = seededRandom(blockSeed(seed, first / BLOCK_TRIALS));
  for (let i = 0; i < count; i++) {
    const t = first + i;
    if (i > 0 && t % BLOCK_TRIALS === 0) random = seededRandom(blockSeed(seed, t / BLOCK_TRIALS));
    let u = m.utilization;
    let demand = m.demand;
    fields.forEach((f, j) => {
      const x = draw(f.distribution, random);
      drawn[j] = x;
      if (f.field === ASSUMED && assumedSampled) {
        u = assumedAt(x);
        demand = measuredProfile(u.hourly, base.workload.referenceGpus, u.mean);
      }
    });
    const s = withDrawn(drawn);
    const d = decide(s, u, m.tokens, demand, 'owned');
    placements[i] = PLACEMENTS.indexOf(d.verdict.placement);
    for (const c of d.measuredCosts) column(monthly, c.id)[i] = c.total;
    const rate = monthlyDiscountRate(s.discountRate);
    for (const [id, o] of d.ownership) column(npvs, id)[i] = npv(o.cashFlows, rate);
  }
  return {
    placements,
    monthly: [...monthly].map(([id, values]) => ({ id, values })),
    npv: [...npvs].map(([id, values]) => ({ id, values })),
  };
}

/** The Monte Carlo summary of consecutive runs of trials (in trial order). */
export function summarizeTrials(fields: UncertainField[], seed: number, runs: ReadonlyArray<TrialColumns>): MonteCarlo {
  const trials = runs.reduce((n, r) => n + r.placements.length, 0);
  const counts = new Array<number>(PLACEMENTS.length).fill(0);
  for (const r of runs) for (const p of r.placements) counts[p] = (counts[p] as number) + 1;
  // Every run has the same columns: the scenario's options, and its owned ones.
  const joined = (pick: (r: TrialColumns) => TrialColumns['monthly']) =>
    (runs[0] === undefined ? [] : pick(runs[0])).map(({ id }) => {
      const all = new Float64Array(trials);
      let at = 0;
      for (const r of runs) {
        const values = (pick(r).find((c) => c.id === id) as { values: Float64Array }).values;
        all.set(values, at);
        at += values.length;
      }
      return { id, spread: spreadOf(all) };
    });
  return {
    trials,
    seed,
    fields,
    placements: PLACEMENTS.map((p, i) => ({ placement: p, probability: (counts[i] as number) / trials }))
      .filter((p) => p.probability > 0)
      .sort((a, b) => b.probability - a.probability),
    monthly: joined((r) => r.monthly),
    npv: joined((r) => r.npv),
  };
}

/** Every trial in this thread. */
export function monteCarlo(m: Measurement, trials: number, seed: number): MonteCarlo {
  return summarizeTrials(m.billed.uncertain, seed, [runTrials(m, seed, 0, trials)]);
}
