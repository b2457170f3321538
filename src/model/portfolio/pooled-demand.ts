/**
 * Several models served from one fleet. Each model's demand is its busy GPUs hour by hour (its
 * utilization history on the GPUs it was measured on, or a flat assumption), held at least at
 * its warm floor: capacity kept for its latency target whatever the load. The pool's demand is
 * the models' sum on the same clock, so the pool is sized for the peak of the sum — never above
 * the sum of the models' own peaks, below it when their bursts do not coincide — while the warm
 * floors add up hour by hour.
 *
 * Everything here is in busy-GPU equivalents at the headroom τ: a warm floor of W GPUs is W × τ
 * busy GPUs, so that the pool's GPUs (busy ÷ τ, as every option prices them) are max(busy ÷ τ,
 * W) for each model.
 */
import type { DailyTotal } from '../signals/daily-token-totals.js';
import { MS_PER_DAY } from '../units.js';
import type { HourlyPoint } from '../utilization/hourly-accumulator.js';

export interface ModelLoad {
  name: string;
  /** Utilization hour by hour on `referenceGpus` GPUs; null for a flat assumption. */
  hours: ReadonlyArray<HourlyPoint> | null;
  /** The flat utilization when there are no hours. */
  assumed: number;
  referenceGpus: number;
  /** GPUs kept warm whatever the load. */
  warmFloorGpus: number;
  /** Starts (epoch ms) of the days new versions went out. */
  rollouts?: ReadonlyArray<number>;
  /** After each rollout, for `days`, a canary of `share` of the model's capacity; a shadow path of `shadowShare` beside it. */
  canary?: { share: number; days: number; shadowShare: number } | undefined;
}

/** The keys (hours, days) every list has, ascending, and how many more some list had. */
function sharedKeys(lists: ReadonlyArray<ReadonlyArray<number>>): { shared: number[]; leftOut: number } {
  const counts = new Map<number, number>();
  for (const keys of lists) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const shared = [...counts]
    .filter(([, n]) => n === lists.length)
    .map(([k]) => k)
    .sort((a, b) => a - b);
  return { shared, leftOut: counts.size - shared.length };
}

export interface PooledDemand {
  /** The hours every model with a history has, in time order (one unnamed hour when none has). */
  hourStarts: number[];
  /** Per model (in the order given), per hour: the busy GPUs serving its traffic. */
  serving: Float64Array[];
  /** Per model, per hour: what it keeps resident: max(serving, warm floor × τ), and its canary and shadow. */
  resident: Float64Array[];
  /** Per model, per hour: the warm floor's part of `resident` above what the traffic needed. */
  floor: Float64Array[];
  /** Per model, per hour: the canary's and the shadow path's part of `resident`. */
  canary: Float64Array[];
  shadow: Float64Array[];
  /** Per hour: the pool's resident demand, the sum over the models. */
  total: Float64Array;
  /** Hours some model with a history had but another lacked: left out of the pool. */
  hoursLeftOut: number;
}

/**
 * The models' demand on a common clock: the hours that every model with a history has (a model
 * without one contributes its flat level to each), so that each pooled hour sums real hours.
 */
export function pooledDemand(models: ReadonlyArray<ModelLoad>, tau: number): PooledDemand {
  const histories = models.flatMap((m) => (m.hours === null ? [] : [m.hours.map((h) => h.hourStart)]));
  const { shared, leftOut: hoursLeftOut } = sharedKeys(histories);
  const clock = histories.length === 0 ? [Number.NaN] : shared;
  const at = new Map(clock.map((t, i) => [t, i]));
  const total = new Float64Array(clock.length);
  const serving: Float64Array[] = [];
  const resident: Float64Array[] = [];
  const floors: Float64Array[] = [];
  const canaries: Float64Array[] = [];
  const shadows: Float64Array[] = [];
  for (const m of models) {
    const busy = new Float64Array(clock.length);
    if (m.hours === null) busy.fill(m.assumed * m.referenceGpus);
    else
      for (const h of m.hours) {
        const i = at.get(h.hourStart);
        if (i !== undefined) busy[i] = h.utilization * m.referenceGpus;
      }
    const floor = m.warmFloorGpus * tau;
    const held = busy.map((b) => Math.max(b, floor));
    // Apart, not as a difference of sums: a floor below the load is exactly none.
    const aboveLoad = busy.map((b) => Math.max(0, floor - b));
    const canary = new Float64Array(clock.length);
    const shadow = new Float64Array(clock.length);
    const c = m.canary;
    if (c !== undefined && m.hours !== null)
      clock.forEach((t, i) => {
        // A canary and a shadow path beside the model's capacity on the days after a rollout.
        if ((m.rollouts ?? []).some((r) => t >= r && t < r + c.days * MS_PER_DAY)) {
          canary[i] = (held[i] as number) * c.share;
          shadow[i] = (held[i] as number) * c.shadowShare;
        }
      });
    for (let i = 0; i < held.length; i++) {
      held[i] = (held[i] as number) + (canary[i] as number) + (shadow[i] as number);
      total[i] = (total[i] as number) + (held[i] as number);
    }
    serving.push(busy);
    resident.push(held);
    floors.push(aboveLoad);
    canaries.push(canary);
    shadows.push(shadow);
  }
  return {
    hourStarts: clock,
    serving,
    resident,
    floor: floors,
    canary: canaries,
    shadow: shadows,
    total,
    hoursLeftOut,
  };
}

/** A model's residency over the pooled hours, in GPU-hours at the headroom τ. */
export interface Residency {
  name: string;
  /** GPU-hours serving traffic: Σ serving ÷ τ. */
  servingGpuHours: number;
  /** GPU-hours of warm floor above what the traffic needed: Σ (max(serving, floor) − serving) ÷ τ. */
  warmFloorGpuHours: number;
  /** GPU-hours of canaries and of shadow paths after rollouts. */
  canaryGpuHours: number;
  shadowGpuHours: number;
  /** The model's share of the pool's resident GPU-hours. */
  shareOfPool: number;
}

export interface PoolResidency {
  models: Residency[];
  /** Of all resident GPU-hours, the share that serves no traffic (warm floors above the load, canaries, shadows). */
  notServingShare: number;
}

export function residencyOf(pool: PooledDemand, names: ReadonlyArray<string>, tau: number): PoolResidency {
  let all = 0;
  for (const x of pool.total) all += x;
  let idle = 0;
  const sum = (xs: Float64Array): number => xs.reduce((t, x) => t + x, 0);
  const models = names.map((name, m) => {
    const serving = sum(pool.serving[m] as Float64Array);
    const resident = sum(pool.resident[m] as Float64Array);
    const floor = sum(pool.floor[m] as Float64Array);
    const canary = sum(pool.canary[m] as Float64Array);
    const shadow = sum(pool.shadow[m] as Float64Array);
    idle += floor + canary + shadow;
    return {
      name,
      servingGpuHours: serving / tau,
      warmFloorGpuHours: floor / tau,
      canaryGpuHours: canary / tau,
      shadowGpuHours: shadow / tau,
      shareOfPool: all > 0 ? resident / all : 0,
    };
  });
  return { models, notServingShare: all > 0 ? idle / all : 0 };
}

/** Models' own daily token totals together: summed on the days every one of them has. */
export function pooledTokenDays(histories: ReadonlyArray<ReadonlyArray<DailyTotal>>): DailyTotal[] {
  const { shared } = sharedKeys(histories.map((days) => days.map((d) => d.day)));
  const total = new Map<number, number>();
  for (const days of histories) for (const d of days) total.set(d.day, (total.get(d.day) ?? 0) + d.tokens);
  return shared.map((day) => ({ day, tokens: total.get(day) as number }));
}
