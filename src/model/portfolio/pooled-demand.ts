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
}

export interface PooledDemand {
  /** The hours every model with a history has, in time order (one unnamed hour when none has). */
  hourStarts: number[];
  /** Per model (in the order given), per hour: the busy GPUs serving its traffic. */
  serving: Float64Array[];
  /** Per model, per hour: what it keeps resident, max(serving, warm floor × τ). */
  resident: Float64Array[];
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
  const withHours = models.filter((m) => m.hours !== null);
  let clock: number[];
  let hoursLeftOut = 0;
  if (withHours.length === 0) clock = [Number.NaN];
  else {
    const counts = new Map<number, number>();
    for (const m of withHours)
      for (const h of m.hours as HourlyPoint[]) counts.set(h.hourStart, (counts.get(h.hourStart) ?? 0) + 1);
    clock = [...counts]
      .filter(([, n]) => n === withHours.length)
      .map(([t]) => t)
      .sort((a, b) => a - b);
    hoursLeftOut = counts.size - clock.length;
  }
  const at = new Map(clock.map((t, i) => [t, i]));
  const total = new Float64Array(clock.length);
  const serving: Float64Array[] = [];
  const resident: Float64Array[] = [];
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
    for (let i = 0; i < held.length; i++) total[i] = (total[i] as number) + (held[i] as number);
    serving.push(busy);
    resident.push(held);
  }
  return { hourStarts: clock, serving, resident, total, hoursLeftOut };
}

/** A model's residency over the pooled hours, in GPU-hours at the headroom τ. */
export interface Residency {
  name: string;
  /** GPU-hours serving traffic: Σ serving ÷ τ. */
  servingGpuHours: number;
  /** GPU-hours of warm floor above what the traffic needed: Σ (resident − serving) ÷ τ. */
  warmFloorGpuHours: number;
  /** The model's share of the pool's resident GPU-hours. */
  shareOfPool: number;
}

export interface PoolResidency {
  models: Residency[];
  /** Of all resident GPU-hours, the share that serves no traffic (warm floors above the load). */
  notServingShare: number;
}

export function residencyOf(pool: PooledDemand, names: ReadonlyArray<string>, tau: number): PoolResidency {
  let all = 0;
  for (const x of pool.total) all += x;
  let idle = 0;
  const models = names.map((name, m) => {
    let serving = 0;
    let resident = 0;
    for (const x of pool.serving[m] as Float64Array) serving += x;
    for (const x of pool.resident[m] as Float64Array) resident += x;
    idle += resident - serving;
    return {
      name,
      servingGpuHours: serving / tau,
      warmFloorGpuHours: (resident - serving) / tau,
      shareOfPool: all > 0 ? resident / all : 0,
    };
  });
  return { models, notServingShare: all > 0 ? idle / all : 0 };
}
