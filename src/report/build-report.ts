/**
 * The JSON report of docs/model.md: every top-level key always present (null where unknown),
 * numbers unrounded, reasons and warnings coded with their wording attached.
 */
import { assertFiniteFigures } from './finite-figures.js';
import type { Analysis } from '../model/analysis/analyze.js';
import type { Coded, Report } from './report-schema.js';
import type { BillingMonth } from '../model/signals/billing-reconciliation.js';
import type { InputSources } from '../input/load-inputs.js';
import type { ModelScenario } from '../model/inputs.js';
import { dayNumberToIso } from '../model/time/zone.js';
import { histogram } from '../model/utilization/histogram.js';
import type { PortfolioOutcome } from '../model/portfolio/portfolio-analysis.js';
import type { MonteCarlo } from '../model/uncertainty/monte-carlo.js';

export const REPORT_SCHEMA_VERSION = 2;
/** Previous reports `review` and `check` still read. */
export const READABLE_SCHEMA_VERSIONS: ReadonlyArray<number> = [1, 2];

export type { Coded, Report } from './report-schema.js';

/**
 * The words a report carries beside its codes (each reason's message, each trigger's
 * description): the presentation layer's, passed in by whoever builds the report.
 */
export interface ReportWords {
  message(code: string, args: Record<string, number | string | boolean | null>, currency: string): string;
  triggerDescription(t: {
    id: string;
    threshold: number | null;
    hysteresis: { comparator: string; threshold: number } | null;
  }): string;
}

export interface ReportContext {
  words: ReportWords;
  toolVersion: string;
  scenarioFile: string;
  sha256: string;
  now: number;
  sources: InputSources;
  billingMonths?: BillingMonth[] | undefined;
  /** Monte Carlo over the scenario's distributions, when it has some. */
  monteCarlo?: MonteCarlo | undefined;
  /** A portfolio's pool against its models alone; null for one workload. */
  portfolio?: PortfolioOutcome | null | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildReport(a: Analysis, ctx: ReportContext): Report {
  const report = assembleReport(a.scenario, a, ctx);
  assertFiniteFigures(report, ctx.scenarioFile);
  return report;
}

function assembleReport(s: ModelScenario, a: Analysis, ctx: ReportContext): Report {
  const coded = (c: { code: string; args: Coded['args'] }): Coded => ({
    ...c,
    message: ctx.words.message(c.code, c.args, s.currency),
  });
  const u = a.utilization;
  const t = a.tokens;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'placement', version: ctx.toolVersion },
    scenario: {
      name: s.name,
      file: ctx.scenarioFile,
      sha256: ctx.sha256,
      prices: s.priceReferences,
      targetUtilization: s.workload.targetUtilization,
    },
    generatedAt: iso(ctx.now),
    currency: s.currency,
    utilization: {
      source: ctx.sources.utilization.source,
      input: ctx.sources.utilization,
      window:
        u.window === null
          ? { start: null, end: null, days: s.window.days, coverage: null }
          : { start: iso(u.window.start), end: iso(u.window.end), days: u.window.days, coverage: u.window.coverage },
      mean: u.mean,
      consistent: u.consistent,
      percentiles: u.percentiles,
      sustainedDays: u.sustainedDays,
      daysBelow: u.daysBelow,
      peakToMedian: u.peakToMedian,
      trendPerMonth: u.trendPerMonth,
      dailyMeans: u.daily.map((d) => ({ date: dayNumberToIso(d.day), utilization: d.utilization })),
      histogram: u.kind === 'history' ? histogram(u.hourly) : [],
    },
    tokens: {
      source: ctx.sources.tokens?.source ?? null,
      days: t?.days ?? 0,
      firstDay: t ? dayNumberToIso(t.firstDay) : null,
      lastDay: t ? dayNumberToIso(t.lastDay) : null,
      dailyMean: t?.dailyMean ?? null,
      cv: t?.cv ?? null,
      trendPerMonth: t?.trendPerMonth ?? null,
      stable: t?.stable ?? null,
    },
    traffic: a.traffic,
    options: a.options.map((o) => ({
      id: o.cost.id,
      monthly: { total: o.cost.total, ...o.cost.components },
      capacityGpus: o.cost.capacityGpus,
      shortfallBusyGpus: o.cost.shortfallBusyGpus,
      shortfallHours: o.cost.shortfallHours,
      costPerBusyGpuHour: o.costPerBusyGpuHour,
      costPerMillionTokens: o.costPerMillionTokens,
      breakEvenUtilization: o.breakEvenUtilization,
      paybackMonths: o.paybackMonths,
      npv: o.npv,
      irr: o.irr,
      irrNote: o.irrNote,
      discountedPaybackMonths: o.discountedPaybackMonths,
      financedNpv: o.financedNpv,
      npvVsBestRented: o.npvVsBestRented,
      burstShareOfHours: o.sizing?.burstShareOfHours ?? null,
      burstShareOfBusyGpuHours: o.sizing?.burstShareOfBusyGpuHours ?? null,
      ownership: o.ownership,
      horizonAverageMonthly: o.horizonAverageMonthly,
      sizing: o.sizing,
      curve: o.curve,
    })),
    thresholds: a.thresholds.map((row) => ({
      utilization: row.utilization,
      monthly: Object.fromEntries(row.costs.map((c) => [c.id, c.total])),
      cheapest: row.cheapest,
    })),
    repatriation: a.repatriation,
    verdict: {
      placement: a.verdict.placement,
      governingConstraint: a.verdict.governingConstraint,
      rule: a.verdict.rule,
      reasons: a.verdict.reasons.map(coded),
      cheapestAtMeasured: a.verdict.cheapestAtMeasured,
      placementOption: a.verdict.placementOption,
      plan: a.verdict.plan,
      constraintCost: a.verdict.constraintCost,
      savingVsCurrent: a.verdict.savingVsCurrent,
      status: a.verdict.status,
      needs: a.verdict.needs.map(coded),
      nextReview: a.verdict.nextReview,
      colocation: a.verdict.colocation,
      confidence:
        ctx.monteCarlo === undefined
          ? null
          : {
              trials: ctx.monteCarlo.trials,
              seed: ctx.monteCarlo.seed,
              probability: ctx.monteCarlo.placements.find((p) => p.placement === a.verdict.placement)?.probability ?? 0,
              placements: ctx.monteCarlo.placements,
            },
      latency: { targetMs: a.latency.targetMs, farShare: a.latency.farShare, regions: a.latency.regions },
    },
    triggers: a.triggers.map((t) => ({
      id: t.id,
      kind: t.kind,
      role: t.role,
      description: ctx.words.triggerDescription(t),
      metric: t.metric,
      comparator: t.comparator,
      threshold: t.threshold,
      windowDays: t.windowDays,
      current: t.current,
      distance: t.threshold === null || t.current === null ? null : t.threshold - t.current,
      effect: ctx.words.message(`effect-${t.effect.code}`, t.effect.args, s.currency),
      leadsTo: t.effect.code === 'basis-lost' ? null : t.effect.args.placement,
      hysteresis: t.hysteresis,
      firing: t.firing,
    })),
    warnings: a.warnings.map(coded),
    growth: a.growth,
    dataQuality: a.dataQuality,
    billing:
      a.billing === null || ctx.sources.billing === null
        ? null
        : { ...a.billing, input: ctx.sources.billing, perMonth: ctx.billingMonths ?? [] },
    portfolio: ctx.portfolio ?? null,
  };
}
