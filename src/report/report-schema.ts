/**
 * The JSON report (schemaVersion 2) in zod: the `Report` type is inferred from it
 * and `placement schema report` prints the JSON Schema generated from it, so the two cannot
 * drift. Objects are strict: a field the schema does not know fails validation.
 */
import { z } from 'zod';
import { OPTION_IDS } from '../model/cost/option-cost.js';
import { GOVERNING_CONSTRAINTS, PLACEMENTS } from '../model/verdict/verdict.js';
import { GROUP_IDS } from '../model/portfolio/placement-groups.js';
import { GOVERNANCE_CHECK_IDS } from '../model/portfolio/governance.js';

const num = z.number();
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
const optionId = z.enum(OPTION_IDS);
const comparator = z.enum(['>=', '>', '<=', '<']);
const coded = z.strictObject({
  code: z.string(),
  args: z.record(z.string(), z.union([num, z.string(), z.boolean(), z.null()])),
  message: z.string(),
});
const check = z.strictObject({ metric: z.string(), value: maybe(num), comparator, threshold: num });
const billingMonth = z.strictObject({
  month: z.string(),
  transferGB: num,
  transferCost: num,
  gpuComputeCost: num,
  totalCost: num,
});

/** A placement as a sized plan a buyer can act on. */
const plan = z.strictObject({
  family: z.enum(['cloud', 'reserved', 'onprem', 'edge']),
  option: optionId,
  gpus: num,
  servers: maybe(num),
  termMonths: maybe(num),
  burstShareOfBusyGpuHours: maybe(num),
  burstShareOfHours: maybe(num),
  monthly: num,
  upfront: num,
  perGpuHour: maybe(num),
  rightSizeServers: maybe(num),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(2),
  tool: z.strictObject({ name: z.literal('placement'), version: z.string() }),
  scenario: z.strictObject({
    name: z.string(),
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    prices: z
      .array(
        z.strictObject({
          field: z.string(),
          id: z.string(),
          value: num,
          unit: z.string(),
          date: z.string(),
          source: z.string(),
        }),
      )
      .describe('price-book entries the scenario referenced, with their dates'),
    targetUtilization: num.describe('τ: the busy share every pool keeps to meet the latency target'),
  }),
  generatedAt: z.string().describe('ISO 8601 instant of the run'),
  currency: z.string(),
  utilization: z.strictObject({
    source: z.string(),
    input: z.strictObject({
      source: z.string(),
      format: z.enum([
        'csv',
        'nvidia-smi',
        'prometheus-json',
        'prometheus-text',
        'prometheus-api',
        'samples',
        'assumed',
        'models',
      ]),
      unit: z.enum(['percent', 'fraction']),
      rows: num,
      samples: num,
      badRows: num,
      unavailableRows: num,
      gpus: num,
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
    dailyMeans: z
      .array(z.strictObject({ date: z.string(), utilization: num }))
      .describe('calendar days of the window, in the scenario zone'),
    histogram: z.array(num).describe('hours of the window by utilization, in ten bins of 10 points'),
  }),
  tokens: z.strictObject({
    source: maybe(z.string()),
    days: num,
    firstDay: maybe(z.string()),
    lastDay: maybe(z.string()),
    dailyMean: maybe(num),
    cv: maybe(num),
    trendPerMonth: maybe(num),
    stable: maybe(z.boolean()),
  }),
  traffic: z.strictObject({
    internetGBPerMonth: num,
    retrievalGBPerMonth: num,
    egressShare: maybe(num),
    material: maybe(z.boolean()),
  }),
  options: z.array(
    z.strictObject({
      id: optionId,
      monthly: z.record(z.string(), num).describe('total and every component, per month at the measured profile'),
      capacityGpus: maybe(num),
      shortfallBusyGpus: maybe(num),
      shortfallHours: maybe(num).describe(
        'hours a month in which demand exceeds what the option serves, without burst',
      ),
      costPerBusyGpuHour: maybe(num),
      costPerMillionTokens: maybe(num),
      breakEvenUtilization: maybe(num),
      paybackMonths: maybe(num),
      npv: maybe(num),
      irr: maybe(num).describe('annual; only where NPV crosses zero once, falling (see irrNote)'),
      irrNote: maybe(z.enum(['no sign change', 'several rates', 'money in first'])),
      discountedPaybackMonths: maybe(num),
      financedNpv: maybe(num).describe('NPV with the down payment and loan payments; null without financing'),
      npvVsBestRented: maybe(num).describe('NPV of owning against the cheaper of cloud and the reserved plan'),
      burstShareOfHours: maybe(num).describe(
        'reserved only: share of hours with demand above the reserved GPUs at the latency headroom',
      ),
      burstShareOfBusyGpuHours: maybe(num).describe('reserved only: share of the busy GPU-hours served on-demand'),
      ownership: maybe(z.strictObject({ cashFlows: z.array(num), accrualCost: z.array(num) })),
      horizonAverageMonthly: num,
      sizing: maybe(
        z.strictObject({
          gpus: num,
          criticalRatio: num,
          reservedPerGpuHour: num,
          onDemandPerGpuHour: num,
          burstShareOfHours: num,
          burstShareOfBusyGpuHours: num,
          peakBusyGpus: num,
          peakGpus: num,
          allReservedMonthly: num,
          allCloudMonthly: num,
        }),
      ).describe("reserved only: the plan's size and the pure answers beside it"),
      curve: z.array(num).describe('monthly total at flat utilization 0, 2, 4 … 100 % (51 points)'),
    }),
  ),
  thresholds: z.array(
    z.strictObject({
      utilization: z.union([num, z.literal('measured')]),
      monthly: z.record(z.string(), num),
      cheapest: optionId,
    }),
  ),
  repatriation: z.strictObject({
    met: z.boolean(),
    conditions: z.array(
      z.strictObject({
        id: z.enum(['utilization', 'egress', 'tokens', 'concurrency']),
        checks: z.array(check),
        status: z.enum(['met', 'not-met', 'unknown']),
      }),
    ),
  }),
  verdict: z.strictObject({
    placement: z.enum(PLACEMENTS),
    governingConstraint: z.enum(GOVERNING_CONSTRAINTS),
    rule: z.number().int().min(1).max(7),
    reasons: z.array(coded),
    cheapestAtMeasured: optionId,
    placementOption: maybe(optionId),
    plan: maybe(plan).describe('the placement as a sized plan; null when no option prices its family'),
    constraintCost: maybe(
      z.strictObject({
        monthly: num,
        cheapest: optionId,
        cheapestMonthly: num,
        constraint: z.enum(GOVERNING_CONSTRAINTS),
        failing: z.array(check),
      }),
    ).describe("the plan's month over the cheapest option's, and what keeps that option out"),
    savingVsCurrent: maybe(z.strictObject({ current: optionId, currentMonthly: num, monthly: num, yearly: num })),
    status: z.enum(['firm', 'provisional']),
    needs: z.array(coded).describe('what would make a provisional verdict firm'),
    nextReview: z.string().describe("YYYY-MM-DD in the scenario's time zone"),
    colocation: maybe(
      z.strictObject({
        indexLocation: z.enum(['cloud', 'onprem']),
        placementLocation: z.enum(['cloud', 'onprem', 'edge']),
        separationCostPerMonth: num,
      }),
    ),
    confidence: maybe(
      z.strictObject({
        trials: num,
        seed: num,
        probability: num.describe('share of trials whose verdict is this placement'),
        placements: z.array(z.strictObject({ placement: z.enum(PLACEMENTS), probability: num })),
      }),
    ).describe("Monte Carlo over the scenario's distributions; null when it has none"),
    latency: z.strictObject({
      targetMs: maybe(num),
      farShare: maybe(num),
      regions: z.array(
        z.strictObject({
          name: z.string(),
          trafficShare: num,
          rttMs: num,
          floorMs: num,
          exceedsTarget: maybe(z.boolean()),
        }),
      ),
    }),
  }),
  triggers: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['metric', 'manual']),
      role: z
        .enum(['exit', 'boundary'])
        .describe('exit: the reassessment condition of the placement; boundary: where a rule would change the verdict'),
      description: z.string(),
      metric: maybe(z.string()),
      comparator: maybe(comparator),
      threshold: maybe(num),
      windowDays: maybe(num),
      current: maybe(num),
      distance: maybe(num).describe("threshold − current, in the metric's unit"),
      effect: z.string().describe('what crossing it means'),
      leadsTo: maybe(z.enum(PLACEMENTS)).describe(
        'the placement crossing it leads to (or towards); null when it reopens the decision',
      ),
      hysteresis: maybe(z.strictObject({ comparator, threshold: num })).describe(
        'the entry condition, when this exit is deliberately apart from it',
      ),
      firing: z.boolean(),
    }),
  ),
  warnings: z.array(coded),
  growth: z.strictObject({
    applied: z.boolean(),
    perMonth: num,
    source: z.enum(['scenario', 'fitted', 'none']),
    ifTrendContinues: maybe(
      z.strictObject({
        perMonth: num,
        options: z.array(z.strictObject({ id: optionId, horizonAverageMonthly: num, npv: maybe(num) })),
      }),
    ),
  }),
  dataQuality: z.strictObject({
    utilizationDays: maybe(num),
    coverage: maybe(num),
    gpusSeen: maybe(num),
    referenceGpus: num,
    tokenDays: maybe(num),
    overlapDays: maybe(num),
  }),
  billing: maybe(
    z.strictObject({
      months: num,
      meanMonthly: z.strictObject({ transferGB: num, transferCost: num, gpuComputeCost: num, totalCost: num }),
      modelCloudCompute: num,
      difference: maybe(num),
      relativeDifference: maybe(num),
      input: z.strictObject({
        source: z.string(),
        costColumn: z.string(),
        rows: num,
        badRows: num,
        gpuPattern: z.string(),
      }),
      perMonth: z.array(billingMonth),
    }),
  ),
  portfolio: maybe(
    z.strictObject({
      models: z.array(
        z.strictObject({
          name: z.string(),
          group: z
            .enum(GROUP_IDS)
            .describe('placed with: sovereign (owned hardware, no cloud burst), edge, or central (by price)'),
          referenceGpus: num,
          warmFloorGpus: num,
          fallbackFor: maybe(z.string()).describe('the model this one is kept warm for'),
          retireBy: maybe(z.string()).describe('the day it is to leave the fleet (YYYY-MM-DD)'),
          alone: z
            .strictObject({ placement: z.enum(PLACEMENTS), status: z.enum(['firm', 'provisional']), monthly: num })
            .describe('the verdict and plan month it would get on a fleet of its own'),
          attributedMonthly: num.describe("its share of the pool's month, in proportion to the stand-alone months"),
          servingGpuHours: num.describe('GPU-hours serving its traffic over the pooled hours'),
          warmFloorGpuHours: num.describe('GPU-hours of warm floor above what its traffic needed'),
          canaryGpuHours: num.describe('GPU-hours of canaries kept after its rollouts'),
          shadowGpuHours: num.describe('GPU-hours of shadow paths beside those canaries'),
          shareOfPool: num.describe("its share of the pool's resident GPU-hours"),
          residencyMonthly: z
            .strictObject({ serving: num, warmFloor: num, canary: num, shadow: num })
            .describe('its share of the month split by what its resident GPU-hours do; the terms add up to it'),
          costPerMillionTokens: maybe(num).describe(
            "its share of the pool's month per million of its own tokens; null without its own token history",
          ),
        }),
      ),
      split: maybe(
        z.strictObject({
          groups: z.array(
            z.strictObject({
              id: z.enum(GROUP_IDS),
              models: z.array(z.string()),
              referenceGpus: num,
              placement: z.enum(PLACEMENTS),
              status: z.enum(['firm', 'provisional']),
              plan: maybe(plan),
              monthly: num,
            }),
          ),
          monthly: num.describe("the groups' months together"),
          togetherCheapest: optionId.describe('the cheapest option for all the models in one pool, none placed apart'),
          togetherMonthly: num,
          cost: num.describe('monthly − togetherMonthly: what placing models apart costs'),
        }),
      ).describe(
        'models placed apart (sovereign, edge), each group pooled on its own; null when one pool holds them all',
      ),
      pooledMonthly: num.describe("the pool's plan's month (the groups' together when split)"),
      standAloneMonthly: num.describe("the sum of the models' own plans' months"),
      poolingBenefit: num.describe('standAloneMonthly − pooledMonthly'),
      notServingShare: num.describe('share of the resident GPU-hours serving no traffic'),
      hoursLeftOut: num.describe('hours some histories had and others lacked, left out of the pool'),
      policy: z
        .strictObject({ canaryMaxDays: num, notServingMax: num, divergenceDays: num })
        .describe("the portfolio's limits (the scenario's governance, or the defaults)"),
      checks: z
        .array(
          z.strictObject({
            id: z.enum(GOVERNANCE_CHECK_IDS),
            model: maybe(z.string()).describe('the model it concerns; null for the whole portfolio'),
            value: num.describe(
              'days a canary is kept; days past retireBy (negative: days left); share serving no traffic',
            ),
            limit: num,
            overLimit: z.boolean(),
          }),
        )
        .describe('the portfolio against its limits'),
    }),
  ).describe('several models on one fleet: the pool against each model alone; null for one workload'),
});

export type Report = z.infer<typeof reportSchema>;
export type Coded = z.infer<typeof coded>;
