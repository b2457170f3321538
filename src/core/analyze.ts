/**
 * The whole model (MODEL.md §2–§9) over plain data: a validated scenario, the parsed histories
 * and the instant of the run. No I/O, no clock.
 */
import type { ResolvedScenario } from '../scenario/resolve.js';
import { allOptionCosts, cheapest } from './cost/all-options.js';
import { ownedLineOf } from './cost/capital.js';
import { leasePerMonth } from './cost/onprem-cost.js';
import type { OwnedLine } from './finance/ownership-schedule.js';
import { flatProfile, measuredProfile, type DemandProfile } from './cost/demand-profile.js';
import { edgeAsset } from './cost/edge-cost.js';
import type { OptionCost, OptionId } from './cost/option-cost.js';
import { breakEvenUtilization } from './economics/break-even.js';
import { discountedPaybackMonths } from './economics/discounted-payback.js';
import { annualRate, irr } from './economics/irr.js';
import { monthlyDiscountRate, npv, ownershipCashFlows } from './economics/npv.js';
import { demandPath, monthRunning, monthTotal, type DemandPath } from './finance/demand-path.js';
import { ownershipSchedule } from './finance/ownership-schedule.js';
import { paybackMonths } from './economics/payback.js';
import { reconcileBilling, type BillingMonthTotals, type BillingReconciliation } from './signals/billing-reconciliation.js';
import type { DailyTotal } from './signals/daily-token-totals.js';
import { EGRESS_MATERIAL_SHARE, egressShare } from './signals/egress-share.js';
import { latencyFloors, type LatencyAssessment } from './signals/latency-floors.js';
import { tokenStats, type TokenStats } from './signals/token-stats.js';
import { ageInDays } from '../time/iso-day.js';
import { sizeHybrid, type HybridSizing } from './hybrid/hybrid-sizing.js';
import { HOURS_PER_MONTH } from './units.js';
import type { HourlyPoint } from './utilization/hourly-accumulator.js';
import { profileFromAssumption, profileFromHistory, type UtilizationProfile } from './utilization/utilization-profile.js';
import { repatriation, type Repatriation } from './verdict/repatriation.js';
import { triggers, type Trigger } from './verdict/triggers.js';
import { verdict, type Verdict } from './verdict/verdict.js';
import type { Warning } from './warning.js';

export interface AnalysisInput {
  scenario: ResolvedScenario;
  /** Hourly fleet utilization from a file or inline samples; null to use `assumed`. */
  utilizationHours: ReadonlyArray<HourlyPoint> | null;
  tokenDays: ReadonlyArray<DailyTotal> | null;
  /** Months of a FOCUS billing export; null without one. */
  billing?: ReadonlyArray<BillingMonthTotals> | null;
  /** Warnings the readers raised about the inputs. */
  inputWarnings?: ReadonlyArray<Warning>;
  /** Epoch ms of the run. */
  now: number;
  /** Epoch ms at which price-book entries are judged stale (default: now). */
  pricesAsOf?: number;
}

export interface OptionAnalysis {
  /** The option's month at the measured profile. */
  cost: OptionCost;
  costPerBusyGpuHour: number | null;
  costPerMillionTokens: number | null;
  breakEvenUtilization: number | null;
  paybackMonths: number | null;
  npv: number | null;
  /** Annual IRR of owning against cloud; null for rented options or when there is none. */
  irr: number | null;
  discountedPaybackMonths: number | null;
  /** Owned options: the cash view (months 0..H, against cloud) and the accrual view (months 1..H). */
  ownership: { cashFlows: number[]; accrualCost: number[] } | null;
  /** The option's month averaged over the horizon on the demand path (= `cost.total` without growth). */
  horizonAverageMonthly: number;
  /** The hybrid option's critical-fractile sizing; null for the others. */
  sizing: HybridSizing | null;
  /** Monthly total at flat utilization 0, 2, 4 … 100 % (MODEL.md §3): the cost-versus-utilization chart. */
  curve: number[];
}

/** Points of the cost-versus-utilization curve: every 2 points of utilization. */
export const CURVE_STEPS = 50;

export interface ThresholdRow {
  utilization: number | 'measured';
  costs: OptionCost[];
  cheapest: OptionId;
}

export interface Analysis {
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  traffic: { internetGBPerMonth: number; retrievalGBPerMonth: number; egressShare: number | null; material: boolean | null };
  options: OptionAnalysis[];
  thresholds: ThresholdRow[];
  latency: LatencyAssessment;
  repatriation: Repatriation;
  verdict: Verdict;
  triggers: Trigger[];
  warnings: Warning[];
  /** The instant triggers were judged at. */
  asOf: number;
  billing: BillingReconciliation | null;
  /** The scenario as analysed (internet egress taken from the bill when the scenario gives none). */
  scenario: ResolvedScenario;
  /** Demand growth over the horizon and what it prices (issue 4). */
  path: DemandPath;
}

/** Without internetGBPerMonth in the scenario, the bill's mean monthly data transfer is the egress. */
function withBilledEgress(s: ResolvedScenario, billing: ReadonlyArray<BillingMonthTotals> | null | undefined): ResolvedScenario {
  if (s.workload.egress.given || billing == null || billing.length === 0) return s;
  const gb = billing.reduce((sum, m) => sum + m.transferGB, 0) / billing.length;
  return { ...s, workload: { ...s.workload, egress: { internetGBPerMonth: gb, given: false } } };
}

/** The rest of the current lease term at the horizon: leases renew each term (issue 4). */
function leaseCommittedAtHorizon(s: ResolvedScenario): number {
  const o = s.options.onPrem;
  if (o?.lease === undefined) return 0;
  const left = (o.lease.termMonths - (s.horizonMonths % o.lease.termMonths)) % o.lease.termMonths;
  return left * leasePerMonth(o);
}

/** Hardware an owned option buys: on-prem lines or the edge sites; null for rented options. */
function ownedAssets(id: OptionId, s: ResolvedScenario): OwnedLine[] | null {
  if (id === 'onprem' && s.options.onPrem) return s.options.onPrem.hardware.map(ownedLineOf);
  if (id === 'edge' && s.options.edge) return [edgeAsset(s.options.edge)];
  return null;
}

/** Lines an owned option buys over the horizon: its hardware, and for on-prem the expansions. */
export function ownedLinesOnPath(id: OptionId, s: ResolvedScenario, path: DemandPath): OwnedLine[] | null {
  const assets = ownedAssets(id, s);
  return assets === null ? null : withExpansions(id, assets, path);
}

const withExpansions = (id: OptionId, assets: OwnedLine[], path: DemandPath): OwnedLine[] => (id === 'onprem' ? [...assets, ...path.expansions] : assets);

/** An owned option against cloud: simple payback (§5) and the cash flows months 0..H on the demand path. */
export interface Ownership {
  paybackMonths: number | null;
  cashFlows: number[];
  lines: OwnedLine[];
  /** The option's month without capital on the path: one figure when every month is the same. */
  runningCost: number | number[];
}

function ownershipOf(cost: OptionCost, cloud: OptionCost, s: ResolvedScenario, path: DemandPath): Ownership | null {
  const assets = ownedAssets(cost.id, s);
  if (assets === null) return null;
  const lines = withExpansions(cost.id, assets, path);
  let atMonth0 = 0;
  for (const a of assets) if (a.purchaseMonth === 0) atMonth0 += a.cost;
  // Month by month on the demand path: cloud's bill minus the option's running cost (§5 without
  // growth). A path of one month repeated (no growth, no expansion) gives one figure for all.
  const first = path.months[0];
  const flat = first !== undefined && path.months.every((m) => m === first);
  let runningCost: number | number[];
  let monthlySaving: number | number[];
  if (flat) {
    runningCost = monthRunning(first, cost.id);
    monthlySaving = monthTotal(first, 'cloud') - runningCost;
  } else {
    const running = path.months.map((m) => monthRunning(m, cost.id));
    runningCost = running;
    monthlySaving = path.months.map((m, i) => monthTotal(m, 'cloud') - (running[i] as number));
  }
  const cashFlows = ownershipCashFlows({
    lines, financing: financingOf(cost.id, s), monthlySaving, runningCost,
    horizonMonths: s.horizonMonths,
    committedAtHorizon: cost.id === 'onprem' ? leaseCommittedAtHorizon(s) : 0,
    migrationCost: s.migration.cost,
    monthsBeforeSaving: Math.max(s.migration.dualRunMonths, s.options.cloud.commitmentEndsMonth),
  });
  // Nothing bought at month 0 (a lease, or only later purchases): nothing to pay back.
  const payback = atMonth0 > 0 ? paybackMonths(atMonth0, cloud.total, cost.total, cost.capital) : null;
  return { paybackMonths: payback, cashFlows, lines, runningCost };
}

const financingOf = (id: OptionId, s: ResolvedScenario) => (id === 'onprem' ? s.options.onPrem?.financing : undefined);

function analyzeOption(cost: OptionCost, owned: Ownership | null, profile: DemandProfile, tokens: TokenStats | null, s: ResolvedScenario, path: DemandPath): OptionAnalysis {
  const busyGpuHours = profile.utilization * s.workload.referenceGpus * HOURS_PER_MONTH;
  let horizonAverageMonthly = path.months.reduce((sum, m) => sum + monthTotal(m, cost.id), 0) / s.horizonMonths;
  let presentValue: number | null = null;
  let rate: number | null = null;
  let discountedPayback: number | null = null;
  let ownership: OptionAnalysis['ownership'] = null;
  if (owned !== null) {
    const flows = owned.cashFlows;
    const monthly = monthlyDiscountRate(s.discountRate);
    presentValue = npv(flows, monthly);
    const r = irr(flows);
    rate = r === null ? null : annualRate(r);
    discountedPayback = discountedPaybackMonths(flows, monthly);
    const schedule = ownershipSchedule(owned.lines, financingOf(cost.id, s), owned.runningCost, s.horizonMonths);
    ownership = { cashFlows: flows, accrualCost: schedule.months.map((m) => m.accrualCost) };
    horizonAverageMonthly = schedule.months.reduce((sum, m) => sum + m.accrualCost, 0) / s.horizonMonths;
  }
  return {
    cost,
    costPerBusyGpuHour: busyGpuHours > 0 ? cost.total / busyGpuHours : null,
    costPerMillionTokens: tokens !== null && tokens.monthlyTokens > 0 ? cost.total / (tokens.monthlyTokens / 1e6) : null,
    breakEvenUtilization: breakEvenUtilization(cost.id, cost.capacityGpus, s),
    paybackMonths: owned?.paybackMonths ?? null,
    npv: presentValue,
    irr: rate,
    discountedPaybackMonths: discountedPayback,
    ownership,
    horizonAverageMonthly,
    sizing: null,
    curve: [],
  };
}

/** The scenario with its hybrid baseline sized from the measured hours (none without a dedicated option). */
function withHybrid(s: ResolvedScenario, sizing: HybridSizing | null): ResolvedScenario {
  if (sizing !== null) {
    const hybrid = { baselineGpus: sizing.baselineGpus };
    // A key new to the object goes before the spread: V8 copies an object fast only when the
    // copy adds no key after it (measured: 70 ns against 500; Monte Carlo does this every trial).
    return { ...s, options: s.options.hybrid === undefined ? { hybrid, ...s.options } : { ...s.options, hybrid } };
  }
  if (s.options.hybrid === undefined) return s;
  const options = { ...s.options };
  delete options.hybrid;
  return { ...s, options };
}

/** The scenario with cloud and the owned options only. */
function withOwnedOnly(s: ResolvedScenario): ResolvedScenario {
  const { cloud, onPrem, edge } = s.options;
  return { ...s, options: { cloud, ...(onPrem && { onPrem }), ...(edge && { edge }) } };
}

/**
 * The part of the model that prices a scenario over fixed demand and decides (§3–§8): the hybrid
 * sizing, every option at the measured profile, the demand path, owning's payback and cash flows,
 * and the verdict. analyze() builds its report on it; Monte Carlo re-runs it once per trial.
 */
export interface Decision {
  /** The scenario with its hybrid baseline. */
  scenario: ResolvedScenario;
  hybrid: HybridSizing | null;
  measuredCosts: OptionCost[];
  path: DemandPath;
  ownership: Map<OptionId, Ownership>;
  egressShare: number | null;
  latency: LatencyAssessment;
  repatriation: Repatriation;
  verdict: Verdict;
}

/**
 * `pathFor`: 'all' prices every option on the demand path (analyze reports each one's horizon
 * average); 'owned' only cloud and the owned options, whose months owning's cash flows read —
 * all a Monte Carlo trial needs.
 */
export function decide(billed: ResolvedScenario, u: UtilizationProfile, tokens: TokenStats | null, measured: DemandProfile, pathFor: 'all' | 'owned' = 'all'): Decision {
  const hybrid = sizeHybrid(measured, billed);
  const s = withHybrid(billed, hybrid);
  const measuredCosts = allOptionCosts(measured, s);
  const cloud = measuredCosts[0] as OptionCost;
  const path = demandPath(pathFor === 'all' ? s : withOwnedOnly(s), measured, u);
  const ownership = new Map<OptionId, Ownership>();
  for (const c of measuredCosts) {
    const o = ownershipOf(c, cloud, s, path);
    if (o !== null) ownership.set(c.id, o);
  }
  const share = egressShare(cloud);
  const latency = latencyFloors(s.workload.constraints);
  const repat = repatriation(u, share, tokens);
  const v = verdict({
    scenario: s, utilization: u, tokens, latency, repatriation: repat, measured: measuredCosts,
    onPremPaybackMonths: ownership.get('onprem')?.paybackMonths ?? null, hybrid,
  });
  return { scenario: s, hybrid, measuredCosts, path, ownership, egressShare: share, latency, repatriation: repat, verdict: v };
}

/** What the histories say, before any price: the statistics of §2 and §6 and the measured profile of §4. */
export interface Measurement {
  /** The scenario, with internet egress from the bill when it gives none. */
  billed: ResolvedScenario;
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  measured: DemandProfile;
}

export function measure(input: AnalysisInput): Measurement {
  const billed = withBilledEgress(input.scenario, input.billing);
  const hours = input.utilizationHours;
  const u = hours !== null && hours.length > 0
    ? profileFromHistory(hours, billed.window.days, billed.timezone, billed.thresholds)
    : profileFromAssumption(billed.workload.utilization.assumed ?? 0, billed.thresholds);
  const tokens = input.tokenDays === null ? null : tokenStats(input.tokenDays, billed.window.days);
  return { billed, utilization: u, tokens, measured: measuredProfile(u.hourly, billed.workload.referenceGpus) };
}

/** The whole model; pass the measurement when the caller has one already (Monte Carlo starts from it too). */
export function analyze(input: AnalysisInput, measurement: Measurement = measure(input)): Analysis {
  const { billed, utilization: u, tokens, measured } = measurement;
  const n = billed.workload.referenceGpus;
  const warnings: Warning[] = [...(input.inputWarnings ?? [])];
  if (billed !== input.scenario) warnings.push({ code: 'egress-from-billing', args: { gbPerMonth: billed.workload.egress.internetGBPerMonth } });
  const d = decide(billed, u, tokens, measured);
  const { scenario: s, hybrid, measuredCosts, path, verdict: v } = d;
  const curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => allOptionCosts(flatProfile(i / CURVE_STEPS, n), s));
  const options = measuredCosts.map((c, j) => ({
    ...analyzeOption(c, d.ownership.get(c.id) ?? null, measured, tokens, s, path),
    sizing: c.id === 'hybrid' ? hybrid : null,
    curve: curve.map((costs) => (costs[j] as OptionCost).total),
  }));
  const thresholdRows: ThresholdRow[] = [
    ...s.thresholds.map((x) => {
      const costs = allOptionCosts(flatProfile(x, n), s);
      return { utilization: x, costs, cheapest: cheapest(costs).id };
    }),
    { utilization: 'measured' as const, costs: measuredCosts, cheapest: cheapest(measuredCosts).id },
  ];
  const cloud = measuredCosts[0] as OptionCost;
  const onPrem = options.find((o) => o.cost.id === 'onprem');
  const asOf = u.window?.end ?? input.now;
  const trig = triggers({
    placement: v.placement, governingConstraint: v.governingConstraint, utilization: u, tokens, latency: d.latency, modelChanges: s.workload.modelChanges, asOf,
    referenceGpus: n, baselineGpus: hybrid?.baselineGpus ?? s.options.dedicated?.gpus ?? n, onPremBreakEven: onPrem?.breakEvenUtilization ?? null,
  });

  collectWarnings(warnings, s, u, tokens, options);
  const asOfPrices = input.pricesAsOf ?? input.now;
  for (const p of s.priceReferences) {
    const ageDays = ageInDays(p.date, asOfPrices);
    if (ageDays > STALE_PRICE_DAYS) warnings.push({ code: 'price-stale', args: { id: p.id, field: p.field, date: p.date, ageDays } });
  }
  if (path.growth.source === 'fitted' && Math.abs(path.growth.perMonth) > FITTED_GROWTH_NOTE) {
    warnings.push({ code: 'growth-fitted', args: { perMonth: path.growth.perMonth, days: u.daily.length } });
  }
  return {
    utilization: u,
    tokens,
    traffic: {
      internetGBPerMonth: s.workload.egress.internetGBPerMonth,
      retrievalGBPerMonth: s.workload.retrieval?.gbPerMonth ?? 0,
      egressShare: d.egressShare,
      material: d.egressShare === null ? null : d.egressShare >= EGRESS_MATERIAL_SHARE,
    },
    options,
    thresholds: thresholdRows,
    latency: d.latency,
    repatriation: d.repatriation,
    verdict: v,
    triggers: trig,
    warnings,
    asOf,
    billing: input.billing == null || input.billing.length === 0 ? null : reconcileBilling(input.billing, cloud.components.compute ?? 0),
    scenario: s,
    path,
  };
}

const LOW_COVERAGE = 0.8;
/** Issue 6: a price-book entry older than this is worth re-checking. */
const STALE_PRICE_DAYS = 180;
/** A fitted growth beyond ±5 %/month changes NPV a lot: say where it came from. */
const FITTED_GROWTH_NOTE = 0.05;

function collectWarnings(w: Warning[], s: ResolvedScenario, u: UtilizationProfile, tokens: TokenStats | null, options: OptionAnalysis[]): void {
  const util = s.workload.utilization;
  if (u.kind === 'assumed') w.push({ code: 'assumed-utilization', args: { assumed: u.mean } });
  else if (util.assumed !== undefined) w.push({ code: 'assumed-ignored', args: { assumed: util.assumed } });
  if (u.window !== null) {
    if (u.window.coverage < LOW_COVERAGE) {
      w.push({ code: 'low-coverage', args: { coverage: u.window.coverage, hoursPresent: u.window.hoursPresent, hoursInWindow: u.window.hoursInWindow } });
    }
    if (u.daily.length < s.window.days) w.push({ code: 'short-history', args: { daysWithData: u.daily.length, windowDays: s.window.days } });
  }
  if (tokens !== null && tokens.cv === null) w.push({ code: 'token-history-short', args: { days: tokens.days } });
  const trafficGB = s.workload.egress.internetGBPerMonth + (s.workload.retrieval?.gbPerMonth ?? 0);
  if (trafficGB > 0 && s.options.cloud.egressTiers.length === 0) w.push({ code: 'egress-unpriced', args: { gbPerMonth: trafficGB } });
  if (s.workload.retrieval?.indexLocation === 'onprem' && s.options.onPrem === undefined) w.push({ code: 'index-egress-unpriced', args: {} });
  if (s.workload.constraints.regions.length > 0 && s.workload.constraints.ttftTargetMs === undefined) w.push({ code: 'no-latency-target', args: {} });
  const shortfall = options.find((o) => o.cost.shortfallBusyGpus !== null && o.cost.shortfallBusyGpus > 0);
  if (shortfall) w.push({ code: 'onprem-shortfall', args: { busyGpus: shortfall.cost.shortfallBusyGpus } });
  s.options.onPrem?.hardware.forEach((line, i) => {
    if (line.purchaseMonth >= s.horizonMonths) w.push({ code: 'purchase-after-horizon', args: { line: i, name: line.name, purchaseMonth: line.purchaseMonth } });
  });
}
