/**
 * The JSON report (MODEL.md §10, schemaVersion 1) in zod: the `Report` type is inferred from it
 * and `placement schema report` prints the JSON Schema generated from it, so the two cannot
 * drift. Objects are strict: a field the schema does not know fails validation.
 */
import { z } from 'zod';
import { OPTION_IDS } from '../core/cost/option-cost.js';
import { GOVERNING_CONSTRAINTS, PLACEMENTS } from '../core/verdict/verdict.js';

const num = z.number();
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
const optionId = z.enum(OPTION_IDS);
const comparator = z.enum(['>=', '>', '<=', '<']);
const coded = z.strictObject({
  code: z.string(),
  args: z.record(z.string(), z.union([num, z.string(), z.boolean(), z.null()])),
  message: z.string(),
});
const billingMonth = z.strictObject({ month: z.string(), transferGB: num, transferCost: num, gpuComputeCost: num, totalCost: num });

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal('placement'), version: z.string() }),
  scenario: z.strictObject({
    name: z.string(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/),
    prices: z.array(z.strictObject({ field: z.string(), id: z.string(), value: num, unit: z.string(), date: z.string(), source: z.string() }))
      .describe('price-book entries the scenario referenced, with their dates'),
  }),
  generatedAt: z.string().describe('ISO 8601 instant of the run'),
  currency: z.string(),
  utilization: z.strictObject({
    source: z.string(),
    input: z.strictObject({
      source: z.string(),
      format: z.enum(['csv', 'nvidia-smi', 'prometheus-json', 'prometheus-text', 'samples', 'assumed']),
      unit: z.enum(['percent', 'fraction']),
      rows: num, samples: num, badRows: num, unavailableRows: num, gpus: num,
      resolutionMs: maybe(num),
      gzip: z.boolean(),
    }),
    window: z.strictObject({ start: maybe(z.string()), end: maybe(z.string()), days: num, coverage: maybe(num) }),
    mean: num,
    consistent: num,
    percentiles: z.strictObject({ p10: num, p25: num, p50: num, p75: num, p90: num, p95: num, p99: num }),
    sustainedDays: z.record(z.string(), maybe(num)),
    daysBelow: z.record(z.string(), maybe(num)),
    peakToMedian: maybe(num),
    trendPerMonth: maybe(num),
    growth: z.strictObject({ perMonth: num, source: z.enum(['scenario', 'fitted', 'none']) }),
    dailyMeans: z.array(z.strictObject({ date: z.string(), utilization: num })).describe('calendar days of the window, in the scenario zone'),
    histogram: z.array(num).describe('hours of the window by utilization, in ten bins of 10 points'),
  }),
  tokens: z.strictObject({
    source: maybe(z.string()), days: num, firstDay: maybe(z.string()), lastDay: maybe(z.string()),
    dailyMean: maybe(num), cv: maybe(num), trendPerMonth: maybe(num), stable: maybe(z.boolean()),
  }),
  traffic: z.strictObject({ internetGBPerMonth: num, retrievalGBPerMonth: num, egressShare: maybe(num), material: maybe(z.boolean()) }),
  options: z.array(z.strictObject({
    id: optionId,
    monthly: z.record(z.string(), num).describe('total and every component, per month at the measured profile'),
    capacityGpus: maybe(num),
    shortfallBusyGpus: maybe(num),
    costPerBusyGpuHour: maybe(num),
    costPerMillionTokens: maybe(num),
    breakEvenUtilization: maybe(num),
    paybackMonths: maybe(num),
    npv: maybe(num),
    irr: maybe(num),
    discountedPaybackMonths: maybe(num),
    ownership: maybe(z.strictObject({ cashFlows: z.array(num), accrualCost: z.array(num) })),
    horizonAverageMonthly: num,
    sizing: maybe(z.strictObject({
      baselineGpus: num, criticalRatio: num, ownedPerGpuHour: num, cloudPerBusyGpuHour: num,
      burstShareOfHours: num, peakBusyGpus: num, allOwnedMonthly: num, allCloudMonthly: num,
    })).describe('hybrid only: the critical-fractile baseline and the pure answers beside it'),
    curve: z.array(num).describe('monthly total at flat utilization 0, 2, 4 … 100 % (51 points)'),
  })),
  thresholds: z.array(z.strictObject({
    utilization: z.union([num, z.literal('measured')]),
    monthly: z.record(z.string(), num),
    cheapest: optionId,
  })),
  repatriation: z.strictObject({
    met: z.boolean(),
    conditions: z.array(z.strictObject({
      id: z.enum(['utilization', 'egress', 'tokens', 'concurrency']),
      checks: z.array(z.strictObject({ metric: z.string(), value: maybe(num), comparator, threshold: num })),
      status: z.enum(['met', 'not-met', 'unknown']),
    })),
  }),
  verdict: z.strictObject({
    placement: z.enum(PLACEMENTS),
    governingConstraint: z.enum(GOVERNING_CONSTRAINTS),
    rule: z.number().int().min(1).max(7),
    reasons: z.array(coded),
    cheapestAtMeasured: optionId,
    placementOption: maybe(optionId),
    note: maybe(coded),
    colocation: maybe(z.strictObject({ indexLocation: z.enum(['cloud', 'onprem']), placementLocation: z.enum(['cloud', 'onprem', 'edge']), separationCostPerMonth: num })),
    confidence: maybe(z.strictObject({
      trials: num, seed: num,
      probability: num.describe('share of trials whose verdict is this placement'),
      placements: z.array(z.strictObject({ placement: z.enum(PLACEMENTS), probability: num })),
    })).describe('Monte Carlo over the scenario\'s distributions; null when it has none'),
    latency: z.strictObject({
      targetMs: maybe(num),
      farShare: maybe(num),
      regions: z.array(z.strictObject({ name: z.string(), trafficShare: num, rttMs: num, floorMs: num, exceedsTarget: maybe(z.boolean()) })),
    }),
  }),
  triggers: z.array(z.strictObject({
    id: z.string(),
    kind: z.enum(['metric', 'manual']),
    description: z.string(),
    metric: maybe(z.string()),
    comparator: maybe(comparator),
    threshold: maybe(num),
    windowDays: maybe(num),
    current: maybe(num),
    firing: z.boolean(),
  })),
  warnings: z.array(coded),
  billing: maybe(z.strictObject({
    months: num,
    meanMonthly: z.strictObject({ transferGB: num, transferCost: num, gpuComputeCost: num, totalCost: num }),
    modelCloudCompute: num,
    difference: maybe(num),
    relativeDifference: maybe(num),
    input: z.strictObject({ source: z.string(), costColumn: z.string(), rows: num, badRows: num, gpuPattern: z.string() }),
    perMonth: z.array(billingMonth),
  })),
});

export type Report = z.infer<typeof reportSchema>;
export type Coded = z.infer<typeof coded>;
