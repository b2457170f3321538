/**
 * The scenario file (docs/model.md). The single source of truth: the TypeScript types are
 * inferred from it and the JSON Schema is generated from it. Every object is strict, so a
 * typo'd key is an error rather than a silently ignored setting.
 *
 * Defaults that depend on other fields (dedicated.gpus, onPrem.servers) are filled in by
 * `resolve.ts`; rules across fields live in `rules.ts`.
 */
import { z } from 'zod';
import { DEPRECIATION_METHODS } from '../../model/ownership/depreciation.js';
import { CURRENT_PLACEMENTS, INDEX_LOCATIONS } from '../../model/inputs.js';
import { MAX_THRESHOLDS } from '../../model/constants.js';
import { isoDayStart } from '../../model/time/iso-day.js';
import { DEFAULT_GOVERNANCE } from '../../model/portfolio/governance.js';
import { gpuPatternProblem } from '../readers/gpu-pattern.js';

const fraction = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const positive = z.number().positive();
const wholePositive = z.number().int().min(1);
const wholeNonNegative = z.number().int().min(0);
/** Every count of months (horizon, terms, lives, lead times): at most 50 years. */
const MAX_MONTHS = 600;
const months = wholePositive.max(MAX_MONTHS);
const monthsOrNone = wholeNonNegative.max(MAX_MONTHS);

export const UTILIZATION_FORMATS = ['auto', 'csv', 'nvidia-smi', 'prometheus-json', 'prometheus-text'] as const;
export const UTILIZATION_UNITS = ['auto', 'percent', 'fraction'] as const;
export const TOKEN_FORMATS = ['auto', 'daily', 'request-trace'] as const;
export const BURST_TARGETS = ['cloud', 'none'] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => Number.isFinite(isoDayStart(s)), 'no such date: expected a calendar date as YYYY-MM-DD');

const sample = z.strictObject({
  t: z.string().describe('timestamp: ISO 8601, or epoch seconds/milliseconds'),
  u: fraction.describe('utilization as a fraction 0..1'),
});

const columnRef = z.union([z.string().min(1), wholePositive]).describe('a header name, or a column number (1 = first)');
const maxBadRowFraction = fraction
  .default(0.01)
  .describe('share of unreadable rows left out (and reported) before the input is refused');

const utilization = z
  .strictObject({
    source: z
      .string()
      .min(1)
      .optional()
      .describe('path relative to the scenario file; "-" = stdin; .gz is read as gzip'),
    format: z.enum(UTILIZATION_FORMATS).default('auto'),
    unit: z.enum(UTILIZATION_UNITS).default('auto'),
    samples: z.array(sample).min(1).max(100_000).optional(),
    assumed: fraction.optional().describe('flat utilization assumed when there is no history'),
    prometheus: z
      .strictObject({
        url: z
          .string()
          .max(2000)
          .regex(/^https?:\/\/[^\s]+$/, 'expected an http:// or https:// address')
          .describe('the Prometheus-compatible API (its /api/v1 is added), e.g. http://prometheus:9090'),
        selector: z
          .string()
          .max(1000)
          .optional()
          .describe('label matchers for the default query, e.g. job="dcgm",cluster="prod"'),
        query: z
          .string()
          .min(1)
          .max(4000)
          .optional()
          .describe(
            'PromQL for the fleet’s hourly utilization instead of the default; name the unit if its metric does not',
          ),
        step: z
          .string()
          .regex(/^[1-9][0-9]{0,4}[smh]$/, 'expected a duration such as 15s, 5m or 1h')
          .optional()
          .describe('the resolution asked of the store (default 1h): 15s, 30s, 1m, 5m, 15m or 1h'),
        caFile: z
          .string()
          .min(1)
          .max(4096)
          .optional()
          .describe('a PEM file of the CA that signed the store’s certificate, relative to the scenario file'),
        headers: z
          .record(
            z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'expected an HTTP header name'),
            z.union([
              z
                .string()
                .max(1000)
                .regex(/^[^\r\n]*$/, 'expected one line'),
              z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,100}$/, 'expected a variable name') }),
            ]),
          )
          .optional()
          .describe(
            'HTTP headers for the store, e.g. X-Scope-OrgID: {env: MIMIR_TENANT} (a value from the environment is never written anywhere)',
          ),
      })
      .optional()
      .describe('read the history from a metrics store: the store averages per hour, the tool reads ~24 points a day'),
    metric: z.string().min(1).optional().describe('prometheus-text: the metric to read (default DCGM_FI_DEV_GPU_UTIL)'),
    columns: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(2).max(1000)])
      .optional()
      .describe('a CSV without a header: its column names in order (nvidia-smi: the --query-gpu list)'),
    timestampColumn: columnRef.optional(),
    valueColumn: columnRef.optional(),
    gpuColumn: columnRef.optional(),
    maxBadRowFraction,
  })
  .describe('GPU utilization history: a file, inline samples, or an assumption');

const tokens = z.strictObject({
  source: z.string().min(1).describe('daily totals (timestamp,tokens) or a request trace'),
  format: z.enum(TOKEN_FORMATS).default('auto'),
  maxBadRowFraction,
});

export const BILLING_FORMATS = ['auto', 'focus'] as const;

const billing = z.strictObject({
  source: z.string().min(1).describe('a FOCUS billing export (CSV): data transfer and GPU compute spend per month'),
  format: z.enum(BILLING_FORMATS).default('auto'),
  gpuPattern: z
    .string()
    .min(1)
    .max(1000)
    .superRefine((p, ctx) => {
      const problem = gpuPatternProblem(p);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .describe(
      'regular expression (RE2 syntax, case-insensitive) that picks GPU compute rows by SKU, description or resource type',
    ),
  maxBadRowFraction,
});

const region = z.strictObject({
  name: z.string().min(1),
  trafficShare: fraction.describe('share of all traffic from this region'),
  rttMs: nonNegative.describe('round-trip time to the central site, ms'),
});

const constraints = z.strictObject({
  sovereignty: z.boolean().default(false).describe('regulated data that must stay on owned infrastructure'),
  ttftTargetMs: positive.optional().describe('time-to-first-token target, ms'),
  servingTtftMs: nonNegative.default(150).describe('TTFT the serving stack adds on its own, ms'),
  retrievalLatencyMs: nonNegative.default(0),
  regions: z.array(region).max(100).default([]),
  agentic: z.boolean().default(false),
});

const workload = z.strictObject({
  referenceGpus: wholePositive
    .optional()
    .describe('N: the fleet the utilization history was measured on (with models: theirs, summed)'),
  utilization: utilization.prefault({}),
  tokens: tokens.optional(),
  egress: z
    .strictObject({
      internetGBPerMonth: nonNegative.optional().describe('traffic to users, GB/month (default: from billing, else 0)'),
    })
    .default({}),
  billing: billing.optional(),
  retrieval: z
    .strictObject({
      gbPerMonth: nonNegative.describe('traffic between inference and the vector index, GB/month'),
      indexLocation: z.enum(INDEX_LOCATIONS),
    })
    .optional(),
  modelChanges: z.array(isoDate).max(1000).default([]).describe('dates the serving model changed'),
  targetUtilization: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      'busy share at which a GPU still meets the latency target, in every pool: cloud, reserved, owned, edge (default 0.70)',
    ),
  growthPerMonth: z
    .union([z.number().gt(-1).max(1), z.literal('fitted')])
    .default(0)
    .describe(
      'demand growth per month, -1 < g ≤ 1 (at most doubling): a number is compounded; "fitted" continues the measured trend (needs 90 days of history); default 0',
    ),
  currentPlacement: z
    .enum(CURRENT_PLACEMENTS)
    .default('none')
    .describe('where the workload runs today: the verdict says what moving saves'),
  constraints: constraints.default({
    sovereignty: false,
    servingTtftMs: 150,
    retrievalLatencyMs: 0,
    regions: [],
    agentic: false,
  }),
});

const egressTier = z.strictObject({
  uptoGB: positive.optional().describe('cumulative upper bound of the tier; omit on the last tier'),
  perGB: nonNegative,
});

const cloud = z.strictObject({
  onDemandPerGpuHour: positive,
  targetUtilization: z.number().gt(0).max(1).optional().describe('older name of workload.targetUtilization'),
  minWarmGpus: nonNegative.default(0).describe('floor that never scales away'),
  egressTiers: z.array(egressTier).max(50).default([]).describe('internet egress price tiers, applied in order'),
  crossZonePerGB: nonNegative.default(0),
  commitmentEndsMonth: wholeNonNegative
    .default(0)
    .describe('cloud commitments run until this month: moving earlier pays both'),
});

const dedicated = z.strictObject({
  perGpuHour: positive,
  upfront: nonNegative.default(0).describe('per GPU, spread over the term'),
  termMonths: months.default(12),
  gpus: wholePositive.optional().describe('committed GPUs (default workload.referenceGpus)'),
});

const hardwareLine = z.strictObject({
  name: z.string().min(1),
  unitCost: nonNegative,
  quantity: wholePositive.default(1),
  purchaseMonth: wholeNonNegative.default(0),
  usefulLifeMonths: months,
  method: z.enum(DEPRECIATION_METHODS).default('straight-line'),
  factor: z
    .number()
    .positive()
    .optional()
    .describe('declining-balance: the rate multiple (default 2 = double-declining)'),
  residualFraction: z.number().min(0).lt(1).default(0),
});

const onPrem = z.strictObject({
  gpusPerServer: wholePositive,
  servers: wholePositive.optional().describe('default ceil(referenceGpus / gpusPerServer)'),
  hardware: z
    .array(hardwareLine)
    .max(200)
    .default([])
    .describe('the amortization schedule (bought hardware); leave out with lease'),
  lease: z
    .strictObject({ monthlyPerServer: nonNegative, termMonths: months })
    .optional()
    .describe('lease the servers instead of buying them: priced as opex, renewed each term'),
  uplifts: z
    .strictObject({
      goodputLossFraction: z
        .number()
        .min(0)
        .lt(1)
        .default(0)
        .describe('share of owned GPU-hours lost (failures, maintenance, drains)'),
      supportFraction: nonNegative.default(0).describe('support effort as a share of the owned cost'),
    })
    .optional()
    .describe('hidden costs of owning'),
  financing: z
    .strictObject({
      annualRate: nonNegative,
      termMonths: months,
      downPaymentFraction: fraction.default(0).describe('share of each purchase paid in cash; the rest is the loan'),
    })
    .optional()
    .describe('a level-payment loan on each purchase; absent = cash'),
  powerKwPerServer: nonNegative,
  idlePowerFraction: fraction.default(0.3).describe('draw at 0% utilization, as a share of full draw'),
  pue: z.number().min(1),
  electricityPerKwh: nonNegative,
  facilityPerKwMonth: nonNegative.describe('colocation / space, per provisioned kW'),
  staff: z.strictObject({ ftes: nonNegative, costPerFteYear: nonNegative }),
  supportRatePerYear: nonNegative.default(0).describe('share of hardware cost per year'),
  softwarePerGpuYear: nonNegative.default(0),
  networkPerMonth: nonNegative.default(0),
  egressPerGB: nonNegative.default(0),
  burst: z.enum(BURST_TARGETS).default('cloud').describe('where demand above owned capacity goes'),
  expansion: z
    .strictObject({ leadTimeMonths: monthsOrNone.describe('months from order to servers in service') })
    .optional()
    .describe('buy servers (of the first hardware line) when forecast mean demand exceeds capacity'),
});

const edge = z.strictObject({
  sites: wholePositive,
  gpusPerSite: wholePositive,
  hardwareCostPerSite: nonNegative,
  usefulLifeMonths: months,
  residualFraction: z.number().min(0).lt(1).default(0),
  opexPerSiteMonth: nonNegative,
  powerKwPerSite: nonNegative,
  idlePowerFraction: fraction.default(0.3),
  electricityPerKwh: nonNegative,
  backhaulGBPerMonth: nonNegative.default(0),
  egressPerGB: nonNegative.default(0),
});

const modelName = z
  .string()
  .min(1)
  .max(100)
  .regex(
    // eslint-disable-next-line no-control-regex
    /^[^\u0000-\u001f\u007f-\u009f]*$/,
    'control characters (terminal escapes among them) are not allowed in a name',
  );

const model = z.strictObject({
  name: modelName,
  referenceGpus: wholePositive.describe('the GPUs its utilization history was measured on'),
  utilization,
  warmFloorGpus: nonNegative.default(0).describe('GPUs kept warm for it whatever the load (its latency target)'),
  tokens: tokens.optional().describe("its own token history (the portfolio's is then the models' sum)"),
  egress: z
    .strictObject({ internetGBPerMonth: nonNegative.describe('its traffic to users, GB/month') })
    .optional()
    .describe("its own egress (the portfolio's is then the models' sum)"),
  rollouts: z.array(isoDate).max(1000).default([]).describe('days a new version of it went out (YYYY-MM-DD)'),
  canary: z
    .strictObject({
      share: fraction.describe("the canary's capacity as a share of the model's"),
      retainedDays: wholePositive.max(3660).describe('days a canary stays resident after a rollout'),
    })
    .optional()
    .describe('capacity kept for the new version beside the old after each rollout'),
  shadow: z
    .strictObject({ share: fraction.describe("the shadow path's capacity as a share of the model's") })
    .optional()
    .describe('a shadow path (evaluation) resident while a canary is'),
  fallbackFor: modelName.optional().describe('the model this one is kept warm for'),
  constraints: z
    .strictObject({
      sovereignty: z
        .boolean()
        .default(false)
        .describe('its data must stay on owned infrastructure: it is placed apart, on-prem, without cloud burst'),
      regions: z
        .array(region)
        .max(100)
        .optional()
        .describe("where its traffic comes from (shares of its own traffic); default the workload's regions"),
      agentic: z.boolean().default(false).describe('agentic: its pool keeps an on-demand burst path'),
    })
    .optional()
    .describe("what binds its placement, besides the workload's constraints"),
  since: isoDate.optional().describe('in production since (YYYY-MM-DD)'),
  retireBy: isoDate.optional().describe('to leave the fleet by (YYYY-MM-DD)'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema reference for editors; ignored'),
  schemaVersion: z.literal(1),
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(
      // eslint-disable-next-line no-control-regex
      /^[^\u0000-\u001f\u007f-\u009f]*$/,
      'control characters (terminal escapes among them) are not allowed in a name',
    ),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
    .default('USD'),
  horizonMonths: months.default(36).describe('analysis horizon in months, at most 600 (50 years)'),
  discountRate: z.number().gt(-1).default(0.08).describe('annual cost of capital, for NPV'),
  thresholds: z.array(z.number().gt(0).lt(1)).min(1).max(MAX_THRESHOLDS).default([0.4, 0.6, 0.7]),
  window: z
    .strictObject({
      days: wholePositive.max(3660).default(90).describe('trailing days of history, at most 3660 (10 years)'),
    })
    .default({ days: 90 }),
  timezone: z.string().default('UTC').describe('zone of timestamps that carry none'),
  workload: workload.prefault({}),
  models: z
    .array(model)
    .min(1)
    .max(50)
    .optional()
    .describe('several models served from one fleet: their demand is pooled hour by hour'),
  governance: z
    .strictObject({
      canaryMaxDays: wholePositive
        .max(3660)
        .default(DEFAULT_GOVERNANCE.canaryMaxDays)
        .describe("the longest a model's canary may stay resident after a rollout, days"),
      notServingMax: fraction
        .default(DEFAULT_GOVERNANCE.notServingMax)
        .describe('the share of resident GPU-hours that may serve no traffic'),
      divergenceDays: wholePositive
        .max(3660)
        .default(DEFAULT_GOVERNANCE.divergenceDays)
        .describe("days a model's own verdict may differ from the pool's before a review flags it"),
    })
    .optional()
    .describe("a portfolio's limits: canary retention, residency serving no traffic, verdicts that differ"),
  migration: z
    .strictObject({
      cost: nonNegative.default(0).describe('one-time cost of moving to owned infrastructure, paid at month 0'),
      dualRunMonths: monthsOrNone.default(0).describe('months of paying both sides while moving'),
    })
    .default({ cost: 0, dualRunMonths: 0 }),
  options: z
    .strictObject({
      cloud: cloud.describe('on-demand, elastic; the reference every other option is measured against'),
      dedicated: dedicated.optional(),
      onPrem: onPrem.optional(),
      edge: edge.optional(),
    })
    .describe('cloud is required; any of the others may be left out'),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
