/**
 * What the model reads: plain data, declared here so that the model depends on nothing outside
 * it. The scenario file (src/input/scenario) is validated and resolved into these shapes — every
 * default filled in, every price a number — and the compiler checks that it fits them. Where a
 * file's value comes from (a path, a format, a column) is the readers' business, not the model's.
 */
import type { DepreciationMethod } from './ownership/depreciation.js';

export const CURRENT_PLACEMENTS = ['cloud', 'dedicated', 'onprem', 'edge', 'none'] as const;
export type CurrentPlacement = (typeof CURRENT_PLACEMENTS)[number];

export const INDEX_LOCATIONS = ['cloud', 'onprem'] as const;

export interface EgressTier {
  perGB: number;
  /** Upper end of the tier in GB; the last tier has none. */
  uptoGB?: number | undefined;
}

export interface CloudOption {
  onDemandPerGpuHour: number;
  minWarmGpus: number;
  egressTiers: EgressTier[];
  crossZonePerGB: number;
  commitmentEndsMonth: number;
  /** τ, the same for every pool (the workload's). */
  targetUtilization: number;
}

export interface DedicatedOption {
  perGpuHour: number;
  upfront: number;
  termMonths: number;
  gpus: number;
}

export interface HardwareLine {
  name: string;
  unitCost: number;
  quantity: number;
  purchaseMonth: number;
  usefulLifeMonths: number;
  method: DepreciationMethod;
  residualFraction: number;
  factor?: number | undefined;
}

export interface OnPremOption {
  gpusPerServer: number;
  servers: number;
  hardware: HardwareLine[];
  powerKwPerServer: number;
  idlePowerFraction: number;
  pue: number;
  electricityPerKwh: number;
  facilityPerKwMonth: number;
  staff: { ftes: number; costPerFteYear: number };
  supportRatePerYear: number;
  softwarePerGpuYear: number;
  networkPerMonth: number;
  egressPerGB: number;
  burst: 'cloud' | 'none';
  lease?: { monthlyPerServer: number; termMonths: number } | undefined;
  uplifts?: { goodputLossFraction: number; supportFraction: number } | undefined;
  financing?: { annualRate: number; termMonths: number; downPaymentFraction: number } | undefined;
  expansion?: { leadTimeMonths: number } | undefined;
}

export interface EdgeOption {
  sites: number;
  gpusPerSite: number;
  hardwareCostPerSite: number;
  usefulLifeMonths: number;
  residualFraction: number;
  opexPerSiteMonth: number;
  powerKwPerSite: number;
  idlePowerFraction: number;
  electricityPerKwh: number;
  backhaulGBPerMonth: number;
  egressPerGB: number;
}

export interface Region {
  name: string;
  trafficShare: number;
  rttMs: number;
}

/** A price taken from the price book, kept so the report can say how old it is. */
export interface PriceReference {
  /** Dotted field path in the scenario. */
  field: string;
  id: string;
  value: number;
  unit: string;
  date: string;
  source: string;
}

export interface ModelWorkload {
  referenceGpus: number;
  /** τ: the busy share at which a GPU still meets the latency target, in every pool. */
  targetUtilization: number;
  utilization: { assumed?: number | undefined };
  /** `given`: set in the scenario; otherwise it may come from a billing export. */
  egress: { internetGBPerMonth: number; given: boolean };
  modelChanges: string[];
  growthPerMonth: number | 'fitted';
  currentPlacement: CurrentPlacement;
  constraints: {
    sovereignty: boolean;
    ttftTargetMs?: number | undefined;
    servingTtftMs: number;
    retrievalLatencyMs: number;
    regions: Region[];
    agentic: boolean;
  };
  retrieval?: { gbPerMonth: number; indexLocation: (typeof INDEX_LOCATIONS)[number] } | undefined;
}

/** The scenario as the model reads it. */
export interface ModelScenario {
  name: string;
  currency: string;
  horizonMonths: number;
  discountRate: number;
  /** Sorted, without repeats. */
  thresholds: number[];
  window: { days: number };
  timezone: string;
  migration: { cost: number; dualRunMonths: number };
  priceReferences: PriceReference[];
  /** Fields given as distributions; the scenario holds their means. */
  uncertain: UncertainField[];
  workload: ModelWorkload;
  options: {
    cloud: CloudOption;
    dedicated?: DedicatedOption | undefined;
    onPrem?: OnPremOption | undefined;
    edge?: EdgeOption | undefined;
  };
}

/** A number given as a distribution (Monte Carlo draws from it; the analysis uses its mean). */
export type Distribution =
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number };

export interface UncertainField {
  /** Path in the scenario data, as the schema sees it. */
  path: (string | number)[];
  /** Dotted, for messages and the report. */
  field: string;
  distribution: Distribution;
}
