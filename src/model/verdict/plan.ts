/**
 * docs/model.md "the plan": the placement as something a buyer can act on — how many GPUs or
 * servers, for which term, what is paid at the start and what a month costs.
 */
import type { ModelScenario } from '../inputs.js';
import type { DedicatedOption, EdgeOption, OnPremOption } from '../inputs.js';
import type { OptionCost, OptionId } from '../cost/option-cost.js';
import { onPremGpus } from '../cost/onprem-cost.js';
import { edgeGpus } from '../cost/edge-cost.js';
import type { ReservedSizing } from '../reserved/reserved-sizing.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';

export interface Plan {
  family: 'cloud' | 'reserved' | 'onprem' | 'edge';
  /** The report option that prices it. */
  option: OptionId;
  /** Cloud: GPUs provisioned at p95 demand; reserved: k; on-prem and edge: the GPUs owned. */
  gpus: number;
  /** On-prem servers, edge sites; null otherwise. */
  servers: number | null;
  /** The reservation's term; null for cloud and owned plans. */
  termMonths: number | null;
  /** Share of the busy GPU-hours served on-demand above the reserved GPUs (reserved plans). */
  burstShareOfBusyGpuHours: number | null;
  /** Share of the hours with any burst (reserved plans). */
  burstShareOfHours: number | null;
  /** The plan's month at the measured profile. */
  monthly: number;
  /** Paid at the start: k × dedicated upfront, hardware bought at month 0, or edge sites' hardware. */
  upfront: number;
  /** Per GPU-hour: the reserved rate (with its upfront spread), or on-demand for cloud; null when owned. */
  perGpuHour: number | null;
  /** On-prem, advisory: the whole number of servers that would minimise the measured month; null otherwise. */
  rightSizeServers: number | null;
}

/** On-demand at τ: GPUs for p95 demand, never fewer than the warm floor. */
export function cloudPlan(cloud: OptionCost, u: UtilizationProfile, s: ModelScenario): Plan {
  const c = s.options.cloud;
  const p95Busy = u.percentiles.p95 * s.workload.referenceGpus;
  return {
    family: 'cloud',
    option: 'cloud',
    gpus: Math.max(c.minWarmGpus, Math.ceil(p95Busy / s.workload.targetUtilization - 1e-9)),
    servers: null,
    termMonths: null,
    burstShareOfBusyGpuHours: null,
    burstShareOfHours: null,
    monthly: cloud.total,
    upfront: 0,
    perGpuHour: c.onDemandPerGpuHour,
    rightSizeServers: null,
  };
}

/** k GPUs reserved for the dedicated term, the rest on-demand. */
export function reservedPlan(reserved: OptionCost, r: ReservedSizing, d: DedicatedOption): Plan {
  return {
    family: 'reserved',
    option: 'reserved',
    gpus: r.gpus,
    servers: null,
    termMonths: d.termMonths,
    burstShareOfBusyGpuHours: r.burstShareOfBusyGpuHours,
    burstShareOfHours: r.burstShareOfHours,
    monthly: reserved.total,
    upfront: r.gpus * d.upfront,
    perGpuHour: r.reservedPerGpuHour,
    rightSizeServers: null,
  };
}

/** The servers the scenario prices, and what is bought at month 0. */
export function onPremPlan(onprem: OptionCost, o: OnPremOption): Plan {
  let atMonth0 = 0;
  for (const line of o.hardware) if (line.purchaseMonth === 0) atMonth0 += line.unitCost * line.quantity;
  return {
    family: 'onprem',
    option: 'onprem',
    gpus: onPremGpus(o),
    servers: o.servers,
    termMonths: null,
    burstShareOfBusyGpuHours: null,
    burstShareOfHours: null,
    monthly: onprem.total,
    upfront: atMonth0,
    perGpuHour: null,
    rightSizeServers: null,
  };
}

/** The edge sites, their hardware bought at month 0. */
export function edgePlan(edge: OptionCost, e: EdgeOption): Plan {
  return {
    family: 'edge',
    option: 'edge',
    gpus: edgeGpus(e),
    servers: e.sites,
    termMonths: null,
    burstShareOfBusyGpuHours: null,
    burstShareOfHours: null,
    monthly: edge.total,
    upfront: e.sites * e.hardwareCostPerSite,
    perGpuHour: null,
    rightSizeServers: null,
  };
}
