/**
 * The whole model (docs/model.md) over plain data: a validated scenario, the parsed histories
 * and the instant of the run. No I/O, no clock.
 */
import type { ModelScenario } from '../inputs.js';
import { allOptionCosts, cheapest } from '../cost/all-options.js';
import { ownedLineOf } from '../cost/capital.js';
import { leasePerMonth } from '../cost/onprem-cost.js';
import type { OwnedLine } from '../ownership/ownership-schedule.js';
import { flatProfile, measuredProfile, type DemandProfile } from '../demand/demand-profile.js';
import { edgeAsset } from '../cost/edge-cost.js';
import type { OptionCost, OptionId } from '../cost/option-cost.js';
import { breakEvenUtilization } from '../cost/break-even.js';
import { discountedPaybackMonths } from '../ownership/discounted-payback.js';
import { annualRate, irr, type IrrNote } from '../ownership/irr.js';
import { monthlyDiscountRate, npv, ownershipCashFlows } from '../ownership/npv.js';
import { demandPath, fittedGrowth, pathRunning, pathTotals, type DemandPath, type Growth } from './demand-path.js';
import { ownershipSchedule } from '../ownership/ownership-schedule.js';
import { monthlySavingBeforeCapital, paybackMonths } from '../ownership/payback.js';
import { reconcileBilling, type BillingMonth, type BillingReconciliation } from '../signals/billing-reconciliation.js';
import type { DailyTotal } from '../signals/daily-token-totals.js';
import { egressShare } from '../signals/egress-share.js';
import { EGRESS_MATERIAL_SHARE } from '../constants.js';
import { latencyFloors, type LatencyAssessment } from '../signals/latency-floors.js';
import { tokenStats, type TokenStats } from '../signals/token-stats.js';
import { ageInDays } from '../time/iso-day.js';
import { sizeReserved, type ReservedSizing } from '../reserved/reserved-sizing.js';
import { rightSizeServers } from '../cost/onprem-right-size.js';
import { dataQuality, gpusDiffer, verdictStatus, type DataQuality } from '../verdict/status.js';
import { nextReview } from '../verdict/next-review.js';
import { FIRM_COVERAGE, FIRM_HISTORY_DAYS, PAYBACK_MAX_MONTHS, STALE_PRICE_DAYS } from '../constants.js';
import { HOURS_PER_MONTH } from '../units.js';
import type { HourlyPoint } from '../utilization/hourly-accumulator.js';
import {
  profileFromAssumption,
  profileFromHistory,
  type UtilizationProfile,
} from '../utilization/utilization-profile.js';
import { repatriation, type Repatriation } from '../verdict/repatriation.js';
import { triggers, type Trigger } from '../verdict/triggers.js';
import { verdict, type Reason, type Verdict, type VerdictInput } from '../verdict/verdict.js';
import { metricValues } from '../verdict/metric-values.js';
import type { Warning } from '../warning.js';

export interface AnalysisInput {
  scenario: ModelScenario;
  /** Hourly fleet utilization from a file or inline samples; null to use `assumed`. */
  utilizationHours: ReadonlyArray<HourlyPoint> | null;
  tokenDays: ReadonlyArray<DailyTotal> | null;
  /** Months of a FOCUS billing export; null without one. */
  billing?: ReadonlyArray<BillingMonth> | null;
  /** Warnings the readers raised about the inputs. */
  inputWarnings?: ReadonlyArray<Warning>;
  /** Epoch ms of the run. */
  now: number;
  /** Epoch ms at which price-book entries are judged stale (default: now). */
  pricesAsOf?: number;
  /** GPUs in a per-GPU utilization export; null for a fleet-level series or none. */
  gpusSeen?: number | null;
}

export interface OptionAnalysis {
  /** The option's month at the measured profile. */
  cost: OptionCost;
  costPerBusyGpuHour: number | null;
  costPerMillionTokens: number | null;
  breakEvenUtilization: number | null;
  paybackMonths: number | null;
  /** Owning against cloud, cash purchases (the investment decision); null for rented options. */
  npv: number | null;
  /** Annual IRR of the same flows; null for rented options or where it is not well defined (irrNote). */
  irr: number | null;
  irrNote: IrrNote | null;
  discountedPaybackMonths: number | null;
  /** The same NPV with the financing's down payment and loan payments; null without financing. */
  financedNpv: number | null;
  /** NPV of owning against the cheaper of cloud and the reserved plan at the measured profile. */
  npvVsBestRented: number | null;
  /** Owned options: the cash view (months 0..H, against cloud) and the accrual view (months 1..H). */
  ownership: { cashFlows: number[]; accrualCost: number[] } | null;
  /** The option's month averaged over the horizon on the demand path (= `cost.total` without growth). */
  horizonAverageMonthly: number;
  /** The reserved plan's sizing; null for the other options. */
  sizing: ReservedSizing | null;
  /** Monthly total at flat utilization 0, 2, 4 … 100 % (docs/model.md): the cost-versus-utilization chart. */
  curve: number[];
}

/** Points of the cost-versus-utilization curve: every 2 points of utilization. */
export const CURVE_STEPS = 50;

export interface ThresholdRow {
  utilization: number | 'measured';
  costs: OptionCost[];
  cheapest: OptionId;
}

/** docs/model.md: the growth priced, and what the fitted trend would do as a sensitivity. */
export interface GrowthReport {
  applied: boolean;
  perMonth: number;
  source: Growth['source'];
  /** Each option's horizon-average month and owning's NPV if the trend continued; null without a trend. */
  ifTrendContinues: {
    perMonth: number;
    options: Array<{ id: OptionId; horizonAverageMonthly: number; npv: number | null }>;
  } | null;
}

/** The verdict with how sure it is (docs/model.md) and when to look again. */
export interface FullVerdict extends Verdict {
  status: 'firm' | 'provisional';
  needs: Reason[];
  nextReview: string;
}

export interface Analysis {
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  traffic: {
    internetGBPerMonth: number;
    retrievalGBPerMonth: number;
    egressShare: number | null;
    material: boolean | null;
  };
  options: OptionAnalysis[];
  thresholds: ThresholdRow[];
  latency: LatencyAssessment;
  repatriation: Repatriation;
  verdict: FullVerdict;
  triggers: Trigger[];
  /** The value of every metric a trigger may watch: what a recorded trigger is judged on. */
  metrics: Record<string, number | null>;
  /** What the rules read (on-prem's NPV included): the triggers re-run them with one input moved. */
  decisionInput: VerdictInput;
  warnings: Warning[];
  /** The instant triggers were judged at. */
  asOf: number;
  billing: BillingReconciliation | null;
  /** The scenario as analysed (internet egress taken from the bill when the scenario gives none). */
  scenario: ModelScenario;
  /** Demand growth over the horizon and what it prices. */
  path: DemandPath;
  growth: GrowthReport;
  dataQuality: DataQuality;
}

/** Without internetGBPerMonth in the scenario, the bill's mean monthly data transfer is the egress. */
function withBilledEgress(s: ModelScenario, billing: ReadonlyArray<BillingMonth> | null | undefined): ModelScenario {
  if (s.workload.egress.given || billing == null || billing.length === 0) return s;
  const gb = billing.reduce((sum, m) => sum + m.transferGB, 0) / billing.length;
  return { ...s, workload: { ...s.workload, egress: { internetGBPerMonth: gb, given: false } } };
}

/** Sovereign demand may not burst to a public cloud (docs/model.md rule 1): on-prem is priced without burst. */
function sovereignPricing(s: ModelScenario): ModelScenario {
  const o = s.options.onPrem;
  if (!s.workload.constraints.sovereignty || o === undefined || o.burst === 'none') return s;
  return { ...s, options: { ...s.options, onPrem: { ...o, burst: 'none' } } };
}

/** The rest of the current lease term at the horizon: leases renew each term. */
function leaseCommittedAtHorizon(s: ModelScenario): number {
  const o = s.options.onPrem;
  if (o?.lease === undefined) return 0;
  const left = (o.lease.termMonths - (s.horizonMonths % o.lease.termMonths)) % o.lease.termMonths;
  return left * leasePerMonth(o);
}

/** Hardware an owned option buys: on-prem lines or the edge sites; null for rented options. */
function ownedAssets(id: OptionId, s: ModelScenario): OwnedLine[] | null {
  if (id === 'onprem' && s.options.onPrem) return s.options.onPrem.hardware.map(ownedLineOf);
  if (id === 'edge' && s.options.edge) return [edgeAsset(s.options.edge)];
  return null;
}

/** Lines an owned option buys over the horizon: its hardware, and for on-prem the expansions. */
export function ownedLinesOnPath(id: OptionId, s: ModelScenario, path: DemandPath): OwnedLine[] | null {
  const assets = ownedAssets(id, s);
  return assets === null ? null : withExpansions(id, assets, path);
}

const withExpansions = (id: OptionId, assets: OwnedLine[], path: DemandPath): OwnedLine[] =>
  id === 'onprem' ? [...assets, ...path.expansions] : assets;

/** An owned option against cloud: simple payback and the cash flows months 0..H on the demand path. */
export interface Ownership {
  paybackMonths: number | null;
  /** Cash purchases, against cloud (unlevered,). */
  cashFlows: number[];
  lines: OwnedLine[];
  /** The option's month without capital on the path: one figure when every month is the same. */
  runningCost: number | ArrayLike<number>;
}

/** The option's running cost on the path and what it saves a month against a rented option. */
function savingOnPath(
  id: OptionId,
  against: OptionId,
  path: DemandPath,
): { running: number | number[]; saving: number | number[] } {
  const running = pathRunning(path, id);
  const against_ = pathTotals(path, against);
  // A steady path (no growth, no expansion) gives one figure for all months.
  if (typeof running === 'number' || typeof against_ === 'number')
    return { running: running as number, saving: (against_ as number) - (running as number) };
  // Sized once: grown by push, the column was copied on the way to 48 months, once a trial.
  const saving = new Array<number>(running.length);
  for (let i = 0; i < running.length; i++) saving[i] = (against_[i] as number) - (running[i] as number);
  return { running, saving };
}

/** cash flows of owning `lines` against `against` along the path, cash or financed. */
function owningFlows(
  id: OptionId,
  lines: OwnedLine[],
  against: OptionId,
  s: ModelScenario,
  path: DemandPath,
  financed: boolean,
  { running, saving } = savingOnPath(id, against, path),
): number[] {
  return ownershipCashFlows({
    lines,
    financing: financed ? financingOf(id, s) : undefined,
    monthlySaving: saving,
    runningCost: running,
    horizonMonths: s.horizonMonths,
    committedAtHorizon: id === 'onprem' ? leaseCommittedAtHorizon(s) : 0,
    migrationCost: s.migration.cost,
    monthsBeforeSaving: Math.max(s.migration.dualRunMonths, s.options.cloud.commitmentEndsMonth),
  });
}

function ownershipOf(cost: OptionCost, cloud: OptionCost, s: ModelScenario, path: DemandPath): Ownership | null {
  const assets = ownedAssets(cost.id, s);
  if (assets === null) return null;
  const lines = withExpansions(cost.id, assets, path);
  let atMonth0 = 0;
  for (const a of assets) if (a.purchaseMonth === 0) atMonth0 += a.cost;
  // Monte Carlo prices this once a trial: the month-by-month running cost and saving once.
  const onPath = savingOnPath(cost.id, 'cloud', path);
  const running = onPath.running;
  const cashFlows = owningFlows(cost.id, lines, 'cloud', s, path, false, onPath);
  // Nothing bought at month 0 (a lease): it saves from the first month when it saves at all.
  const payback =
    atMonth0 > 0
      ? paybackMonths(atMonth0, cloud.total, cost.total, cost.capital)
      : monthlySavingBeforeCapital(cloud.total, cost.total, cost.capital) > 0
        ? 0
        : null;
  return { paybackMonths: payback, cashFlows, lines, runningCost: running };
}

const financingOf = (id: OptionId, s: ModelScenario) => (id === 'onprem' ? s.options.onPrem?.financing : undefined);

/** The option's month averaged over the horizon on a path: owned options by their accrual schedule. */
function horizonAverage(id: OptionId, s: ModelScenario, path: DemandPath): number {
  const lines = ownedLinesOnPath(id, s, path);
  if (lines === null) {
    // Month by month, a steady path's one figure as often as there are months.
    const totals = pathTotals(path, id);
    let sum = 0;
    for (let m = 0; m < s.horizonMonths; m++) sum += typeof totals === 'number' ? totals : (totals[m] as number);
    return sum / s.horizonMonths;
  }
  const { running } = savingOnPath(id, 'cloud', path);
  const schedule = ownershipSchedule(lines, financingOf(id, s), running, s.horizonMonths);
  return schedule.months.reduce((sum, m) => sum + m.accrualCost, 0) / s.horizonMonths;
}

function analyzeOption(
  cost: OptionCost,
  owned: Ownership | null,
  profile: DemandProfile,
  tokens: TokenStats | null,
  s: ModelScenario,
  path: DemandPath,
  bestRented: OptionId,
): OptionAnalysis {
  const busyGpuHours = profile.utilization * s.workload.referenceGpus * HOURS_PER_MONTH;
  let presentValue: number | null = null;
  let rate: number | null = null;
  let irrNote: IrrNote | null = null;
  let discountedPayback: number | null = null;
  let financedNpv: number | null = null;
  let npvVsBestRented: number | null = null;
  let ownership: OptionAnalysis['ownership'] = null;
  if (owned !== null) {
    const flows = owned.cashFlows;
    const monthly = monthlyDiscountRate(s.discountRate);
    presentValue = npv(flows, monthly);
    const r = irr(flows);
    rate = r.rate === null ? null : annualRate(r.rate);
    irrNote = r.note;
    discountedPayback = discountedPaybackMonths(flows, monthly);
    if (financingOf(cost.id, s) !== undefined)
      financedNpv = npv(owningFlows(cost.id, owned.lines, 'cloud', s, path, true), monthly);
    npvVsBestRented =
      bestRented === 'cloud'
        ? presentValue
        : npv(owningFlows(cost.id, owned.lines, bestRented, s, path, false), monthly);
    const schedule = ownershipSchedule(owned.lines, financingOf(cost.id, s), owned.runningCost, s.horizonMonths);
    ownership = { cashFlows: flows, accrualCost: schedule.months.map((m) => m.accrualCost) };
  }
  return {
    cost,
    costPerBusyGpuHour: busyGpuHours > 0 ? cost.total / busyGpuHours : null,
    costPerMillionTokens:
      tokens !== null && tokens.monthlyTokens > 0 ? cost.total / (tokens.monthlyTokens / 1e6) : null,
    breakEvenUtilization: breakEvenUtilization(cost.id, cost.capacityGpus, s),
    paybackMonths: owned?.paybackMonths ?? null,
    npv: presentValue,
    irr: rate,
    irrNote,
    discountedPaybackMonths: discountedPayback,
    financedNpv,
    npvVsBestRented,
    ownership,
    horizonAverageMonthly: horizonAverage(cost.id, s, path),
    sizing: null,
    curve: [],
  };
}

/** The scenario with cloud and the owned options only. */
function withOwnedOnly(s: ModelScenario): ModelScenario {
  const { cloud, onPrem, edge } = s.options;
  return { ...s, options: { cloud, ...(onPrem && { onPrem }), ...(edge && { edge }) } };
}

/**
 * The part of the model that prices a scenario over fixed demand and decides: the reserved
 * plan's sizing, every option at the measured profile, the demand path, owning's payback and cash flows,
 * and the verdict. analyze() builds its report on it; Monte Carlo re-runs it once per trial.
 */
export interface Decision {
  scenario: ModelScenario;
  reserved: ReservedSizing | null;
  /** The reserved plan's GPUs (sized on the measured hours); null without a dedicated option to price it. */
  reservedGpus: number | null;
  measuredCosts: OptionCost[];
  path: DemandPath;
  ownership: Map<OptionId, Ownership>;
  egressShare: number | null;
  latency: LatencyAssessment;
  repatriation: Repatriation;
  verdict: Verdict;
  /** What the rules read, for the triggers to re-run them with one input moved. */
  verdictInput: VerdictInput;
}

/**
 * `pathFor`: 'all' prices every option on the demand path (analyze reports each one's horizon
 * average); 'owned' only cloud and the owned options, whose months owning's cash flows read —
 * all a Monte Carlo trial needs.
 */
export function decide(
  billed: ModelScenario,
  u: UtilizationProfile,
  tokens: TokenStats | null,
  demand: DemandProfile,
  pathFor: 'all' | 'owned' = 'all',
): Decision {
  const s = billed;
  const reserved = sizeReserved(demand, s);
  const reservedGpus = reserved === null ? null : reserved.gpus;
  const measuredCosts = allOptionCosts(demand, s, reservedGpus);
  const cloud = measuredCosts[0] as OptionCost;
  const path =
    pathFor === 'all'
      ? demandPath(s, demand, u, undefined, reservedGpus, measuredCosts)
      : demandPath(
          withOwnedOnly(s),
          demand,
          u,
          undefined,
          null,
          measuredCosts.filter((c) => c.id !== 'dedicated' && c.id !== 'reserved'),
        );
  const ownership = new Map<OptionId, Ownership>();
  for (const c of measuredCosts) {
    const o = ownershipOf(c, cloud, s, path);
    if (o !== null) ownership.set(c.id, o);
  }
  const share = egressShare(cloud);
  const latency = latencyFloors(s.workload.constraints);
  const repat = repatriation(u, share, tokens);
  const onPrem = ownership.get('onprem');
  const payback = onPrem?.paybackMonths ?? null;
  // Rule 5 reads the NPV only once its other conditions hold; Monte Carlo skips it otherwise.
  const rule5Possible = onPrem !== undefined && repat.met && payback !== null && payback <= PAYBACK_MAX_MONTHS;
  const verdictInput: VerdictInput = {
    scenario: s,
    utilization: u,
    tokens,
    latency,
    repatriation: repat,
    egressShare: share,
    costs: measuredCosts,
    onPremPaybackMonths: payback,
    onPremNpv: rule5Possible ? npv(onPrem.cashFlows, monthlyDiscountRate(s.discountRate)) : null,
    reserved,
  };
  const v = verdict(verdictInput);
  return {
    scenario: s,
    reserved,
    reservedGpus,
    measuredCosts,
    path,
    ownership,
    egressShare: share,
    latency,
    repatriation: repat,
    verdict: v,
    verdictInput,
  };
}

/** What the histories say, before any price: the statistics and the measured profile. */
export interface Measurement {
  /** The scenario, with internet egress from the bill when it gives none. */
  billed: ModelScenario;
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  demand: DemandProfile;
}

export function measure(input: AnalysisInput): Measurement {
  const billed = sovereignPricing(withBilledEgress(input.scenario, input.billing));
  const hours = input.utilizationHours;
  const u =
    hours !== null && hours.length > 0
      ? profileFromHistory(hours, billed.window.days, billed.timezone, billed.thresholds)
      : profileFromAssumption(billed.workload.utilization.assumed ?? 0, billed.thresholds);
  const tokens = input.tokenDays === null ? null : tokenStats(input.tokenDays, billed.window.days);
  return { billed, utilization: u, tokens, demand: measuredProfile(u.hourly, billed.workload.referenceGpus, u.mean) };
}

/** The whole model; pass the measurement when the caller has one already (Monte Carlo starts from it too). */
export function analyze(input: AnalysisInput, measurement: Measurement = measure(input)): Analysis {
  const { billed, utilization: u, tokens, demand } = measurement;
  const n = billed.workload.referenceGpus;
  const warnings: Warning[] = [...(input.inputWarnings ?? [])];
  if (billed.workload.egress !== input.scenario.workload.egress)
    warnings.push({ code: 'egress-from-billing', args: { gbPerMonth: billed.workload.egress.internetGBPerMonth } });
  if (billed.options.onPrem?.burst !== input.scenario.options.onPrem?.burst)
    warnings.push({ code: 'sovereign-no-burst', args: {} });
  const d = decide(billed, u, tokens, demand);
  const { scenario: s, reserved, reservedGpus, measuredCosts, path } = d;
  const curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) =>
    allOptionCosts(flatProfile(i / CURVE_STEPS, n), s, reservedGpus),
  );
  const bestRented = cheapest(measuredCosts.filter((c) => c.id === 'cloud' || c.id === 'reserved')).id;
  const options = measuredCosts.map((c, j) => ({
    ...analyzeOption(c, d.ownership.get(c.id) ?? null, demand, tokens, s, path, bestRented),
    sizing: c.id === 'reserved' ? reserved : null,
    curve: curve.map((costs) => (costs[j] as OptionCost).total),
  }));
  const thresholdRows: ThresholdRow[] = [
    ...s.thresholds.map((x) => {
      const costs = allOptionCosts(flatProfile(x, n), s, reservedGpus);
      return { utilization: x, costs, cheapest: cheapest(costs).id };
    }),
    { utilization: 'measured' as const, costs: measuredCosts, cheapest: cheapest(measuredCosts).id },
  ];
  const cloud = measuredCosts[0] as OptionCost;
  const onPrem = options.find((o) => o.cost.id === 'onprem');
  const asOf = u.window?.end ?? input.now;

  const quality = dataQuality(u, tokens, input.gpusSeen ?? null, n);
  const status = verdictStatus(quality, d.repatriation);
  const plan =
    d.verdict.plan === null || d.verdict.plan.family !== 'onprem'
      ? d.verdict.plan
      : { ...d.verdict.plan, rightSizeServers: rightSizeServers(demand, s) };
  // 90 days after the last sample: the window ends with the last sample's hour.
  const lastSample = u.window === null ? input.now : u.window.end - 1;
  const v: FullVerdict = {
    ...d.verdict,
    plan,
    status: status.status,
    needs: status.needs,
    nextReview: nextReview(plan, s, lastSample),
  };

  const metrics = metricValues({
    utilization: u,
    tokens,
    egressShare: d.egressShare,
    latency: d.latency,
    reserved,
    costs: measuredCosts,
    onPrem:
      onPrem === undefined
        ? null
        : { paybackMonths: onPrem.paybackMonths, npv: onPrem.npv, breakEvenUtilization: onPrem.breakEvenUtilization },
    modelChanges: s.workload.modelChanges,
    asOf,
  });
  // The rules re-run by the triggers see on-prem's NPV, which deciding could skip.
  const decisionInput: VerdictInput = { ...d.verdictInput, onPremNpv: onPrem?.npv ?? null };
  const trig = triggers({
    verdictInput: decisionInput,
    verdict: d.verdict,
    metrics,
    windowDays: u.window?.days ?? null,
  });

  collectWarnings(warnings, s, u, tokens, options, quality);
  if (plan === null) warnings.push({ code: 'no-option-for-plan', args: { placement: v.placement } });
  if (s.workload.currentPlacement !== 'none' && v.savingVsCurrent === null && plan !== null) {
    warnings.push({ code: 'current-unpriced', args: { current: s.workload.currentPlacement } });
  }
  const stale = staleprices(s, input.pricesAsOf ?? input.now);
  if (stale !== null) warnings.push(stale);
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
    metrics,
    decisionInput,
    warnings,
    asOf,
    billing:
      input.billing == null || input.billing.length === 0
        ? null
        : reconcileBilling(input.billing, cloud.components.compute ?? 0),
    scenario: s,
    path,
    growth: growthReport(s, u, demand, path, reservedGpus),
    dataQuality: quality,
  };
}

/** docs/model.md: the growth priced, and each option's horizon average and NPV if the fitted trend continued. */
function growthReport(
  s: ModelScenario,
  u: UtilizationProfile,
  demand: DemandProfile,
  path: DemandPath,
  reservedGpus: number | null,
): GrowthReport {
  const g = path.growth;
  const trend = u.kind === 'history' ? fittedGrowth(u) : null;
  let ifTrendContinues: GrowthReport['ifTrendContinues'] = null;
  if (trend !== null) {
    const p = demandPath(s, demand, u, trend, reservedGpus);
    const cloud = p.firstMonth[0] as OptionCost;
    ifTrendContinues = {
      perMonth: trend.perMonth,
      options: p.firstMonth.map((c) => {
        const owned = ownershipOf(c, cloud, s, p);
        return {
          id: c.id,
          horizonAverageMonthly: horizonAverage(c.id, s, p),
          npv: owned === null ? null : npv(owned.cashFlows, monthlyDiscountRate(s.discountRate)),
        };
      }),
    };
  }
  return { applied: g.source !== 'none', perMonth: g.perMonth, source: g.source, ifTrendContinues };
}

/** Why `fitted` growth cannot be had: no history to fit, or one too short or too gappy. */
export type GrowthRefusal =
  | { reason: 'no-history' }
  | { reason: 'thin-history'; spanDays: number; coverage: number; neededDays: number; neededCoverage: number };

/** `fitted` growth needs a history of 90 days at 80 % coverage, as a firm verdict does; null when it may be fitted. */
export function fittedGrowthRefusal(s: ModelScenario, u: UtilizationProfile): GrowthRefusal | null {
  if (s.workload.growthPerMonth !== 'fitted') return null;
  const w = u.kind === 'history' ? u.window : null;
  if (w === null || u.trendPerMonth === null) return { reason: 'no-history' };
  if (w.spanDays < FIRM_HISTORY_DAYS || w.spanCoverage < FIRM_COVERAGE) {
    return {
      reason: 'thin-history',
      spanDays: w.spanDays,
      coverage: w.spanCoverage,
      neededDays: FIRM_HISTORY_DAYS,
      neededCoverage: FIRM_COVERAGE,
    };
  }
  return null;
}

/** Price-book entries older than 180 days, in one warning. */
function staleprices(s: ModelScenario, asOf: number): Warning | null {
  const stale = s.priceReferences
    .map((p) => ({ p, ageDays: ageInDays(p.date, asOf) }))
    .filter((x) => x.ageDays > STALE_PRICE_DAYS);
  if (stale.length === 0) return null;
  const ids = [...new Set(stale.map((x) => x.p.id))];
  const oldest = stale.reduce((a, b) => (b.ageDays > a.ageDays ? b : a));
  return {
    code: 'prices-stale',
    args: {
      count: ids.length,
      ids: ids.join(', '),
      oldestId: oldest.p.id,
      oldestDate: oldest.p.date,
      oldestDays: oldest.ageDays,
      limitDays: STALE_PRICE_DAYS,
    },
  };
}

/** A fitted growth beyond ±5 %/month changes NPV a lot: say where it came from. */
const FITTED_GROWTH_NOTE = 0.05;

function collectWarnings(
  w: Warning[],
  s: ModelScenario,
  u: UtilizationProfile,
  tokens: TokenStats | null,
  options: OptionAnalysis[],
  q: DataQuality,
): void {
  const util = s.workload.utilization;
  if (u.kind === 'assumed') w.push({ code: 'assumed-utilization', args: { assumed: u.mean } });
  else if (util.assumed !== undefined) w.push({ code: 'assumed-ignored', args: { assumed: util.assumed } });
  if (u.window !== null) {
    if (u.window.coverage < FIRM_COVERAGE) {
      w.push({
        code: 'low-coverage',
        args: {
          coverage: u.window.coverage,
          hoursPresent: u.window.hoursPresent,
          hoursInWindow: u.window.hoursInWindow,
        },
      });
    }
    if (u.daily.length < s.window.days)
      w.push({ code: 'short-history', args: { daysWithData: u.daily.length, windowDays: s.window.days } });
  }
  if (gpusDiffer(q)) w.push({ code: 'gpus-differ', args: { gpusSeen: q.gpusSeen, referenceGpus: q.referenceGpus } });
  if (
    q.overlapDays !== null &&
    q.tokenDays !== null &&
    q.utilizationDays !== null &&
    q.overlapDays < Math.min(q.tokenDays, q.utilizationDays) / 2
  ) {
    w.push({
      code: 'histories-overlap-little',
      args: { overlapDays: q.overlapDays, tokenDays: q.tokenDays, utilizationDays: q.utilizationDays },
    });
  }
  if (tokens !== null && tokens.cv === null) w.push({ code: 'token-history-short', args: { days: tokens.days } });
  const trafficGB = s.workload.egress.internetGBPerMonth + (s.workload.retrieval?.gbPerMonth ?? 0);
  if (trafficGB > 0 && s.options.cloud.egressTiers.length === 0)
    w.push({ code: 'egress-unpriced', args: { gbPerMonth: trafficGB } });
  if (s.workload.retrieval?.indexLocation === 'onprem' && s.options.onPrem === undefined)
    w.push({ code: 'index-egress-unpriced', args: {} });
  if (s.workload.constraints.regions.length > 0 && s.workload.constraints.ttftTargetMs === undefined)
    w.push({ code: 'no-latency-target', args: {} });
  const shortfall = options.find((o) => o.cost.shortfallBusyGpus !== null && o.cost.shortfallBusyGpus > 0);
  if (shortfall)
    w.push({
      code: 'onprem-shortfall',
      args: { busyGpus: shortfall.cost.shortfallBusyGpus, hours: shortfall.cost.shortfallHours },
    });
  s.options.onPrem?.hardware.forEach((line, i) => {
    if (line.purchaseMonth >= s.horizonMonths)
      w.push({ code: 'purchase-after-horizon', args: { line: i, name: line.name, purchaseMonth: line.purchaseMonth } });
  });
}
