/**
 * Sensitivity (issue 7): each input moved down and up by a share (±20 % by default), the whole
 * model re-run, and how the on-prem break-even, the monthly saving and the verdict move. A
 * tornado: sorted by the swing of the saving. Pure: it only calls analyze() on varied inputs.
 */
import type { ResolvedScenario } from '../scenario/resolve.js';
import { analyze, type Analysis, type AnalysisInput } from './analyze.js';
import { combinedMultiplier, leverMultiplier, scaleDemand, type LeverSetting } from './what-if.js';

export interface Variable {
  id: string;
  /** The input with every value multiplied by f (clamped where the model needs it). */
  apply: (input: AnalysisInput, f: number) => AnalysisInput;
}

const withScenario = (input: AnalysisInput, s: ResolvedScenario): AnalysisInput => ({ ...input, scenario: s });

/** The inputs a placement decision is most exposed to, those the scenario has. */
export function variablesOf(s: ResolvedScenario): Variable[] {
  const v: Variable[] = [
    { id: 'demand (utilization)', apply: scaleDemand },
    { id: 'cloud.onDemandPerGpuHour', apply: (i, f) => withScenario(i, { ...i.scenario, options: { ...i.scenario.options, cloud: { ...i.scenario.options.cloud, onDemandPerGpuHour: i.scenario.options.cloud.onDemandPerGpuHour * f } } }) },
  ];
  if (s.workload.egress.internetGBPerMonth > 0) {
    v.push({ id: 'workload.egress.internetGBPerMonth', apply: (i, f) => withScenario(i, { ...i.scenario, workload: { ...i.scenario.workload, egress: { ...i.scenario.workload.egress, internetGBPerMonth: i.scenario.workload.egress.internetGBPerMonth * f } } }) });
  }
  if (s.options.dedicated) {
    v.push({ id: 'dedicated.perGpuHour', apply: (i, f) => withScenario(i, { ...i.scenario, options: { ...i.scenario.options, dedicated: { ...i.scenario.options.dedicated!, perGpuHour: i.scenario.options.dedicated!.perGpuHour * f } } }) });
  }
  const o = s.options.onPrem;
  if (o) {
    const onPrem = (i: AnalysisInput, change: (x: NonNullable<ResolvedScenario['options']['onPrem']>) => Partial<NonNullable<ResolvedScenario['options']['onPrem']>>): AnalysisInput =>
      withScenario(i, { ...i.scenario, options: { ...i.scenario.options, onPrem: { ...i.scenario.options.onPrem!, ...change(i.scenario.options.onPrem!) } } });
    if (o.hardware.length > 0) v.push({ id: 'onPrem.hardware.unitCost', apply: (i, f) => onPrem(i, (x) => ({ hardware: x.hardware.map((l) => ({ ...l, unitCost: l.unitCost * f })) })) });
    v.push(
      { id: 'onPrem.electricityPerKwh', apply: (i, f) => onPrem(i, (x) => ({ electricityPerKwh: x.electricityPerKwh * f })) },
      { id: 'onPrem.pue', apply: (i, f) => onPrem(i, (x) => ({ pue: Math.max(1, x.pue * f) })) },
      { id: 'onPrem.facilityPerKwMonth', apply: (i, f) => onPrem(i, (x) => ({ facilityPerKwMonth: x.facilityPerKwMonth * f })) },
      { id: 'onPrem.staff.costPerFteYear', apply: (i, f) => onPrem(i, (x) => ({ staff: { ...x.staff, costPerFteYear: x.staff.costPerFteYear * f } })) },
    );
  }
  return v;
}

export interface Outcome {
  /** Cloud's month minus the cheapest other option's, at the measured profile; null with cloud alone. */
  monthlySaving: number | null;
  onPremBreakEven: number | null;
  placement: string;
}

export interface SensitivityRow {
  id: string;
  low: Outcome;
  high: Outcome;
  /** |saving(high) − saving(low)|: the tornado's sort key. */
  swing: number;
  /** The verdict differs from the base at either end. */
  flipsVerdict: boolean;
}

export interface WhatIfRow {
  /** One lever, or "all" for them together. */
  lever: string;
  value: number | null;
  demandMultiplier: number;
  outcome: Outcome;
  flipsVerdict: boolean;
}

export interface Sensitivity {
  range: number;
  base: Outcome;
  rows: SensitivityRow[];
  whatIf: WhatIfRow[];
}

export function outcomeOf(a: Analysis): Outcome {
  const cloud = a.options.find((o) => o.cost.id === 'cloud');
  const others = a.options.filter((o) => o.cost.id !== 'cloud');
  const best = others.reduce<(typeof others)[number] | null>((b, o) => (b === null || o.cost.total < b.cost.total ? o : b), null);
  return {
    monthlySaving: cloud && best ? cloud.cost.total - best.cost.total : null,
    onPremBreakEven: a.options.find((o) => o.cost.id === 'onprem')?.breakEvenUtilization ?? null,
    placement: a.verdict.placement,
  };
}

export function sensitivity(input: AnalysisInput, range = 0.2, levers: ReadonlyArray<LeverSetting> = []): Sensitivity {
  const base = outcomeOf(analyze(input));
  const rows = variablesOf(input.scenario).map((v) => {
    const low = outcomeOf(analyze(v.apply(input, 1 - range)));
    const high = outcomeOf(analyze(v.apply(input, 1 + range)));
    const swing = low.monthlySaving === null || high.monthlySaving === null ? 0 : Math.abs(high.monthlySaving - low.monthlySaving);
    return { id: v.id, low, high, swing, flipsVerdict: low.placement !== base.placement || high.placement !== base.placement };
  });
  rows.sort((a, b) => b.swing - a.swing);
  const whatIf = (lever: string, value: number | null, m: number): WhatIfRow => {
    const outcome = outcomeOf(analyze(scaleDemand(input, m)));
    return { lever, value, demandMultiplier: m, outcome, flipsVerdict: outcome.placement !== base.placement };
  };
  const each = levers.map((l) => whatIf(l.lever, l.value, leverMultiplier(l)));
  return { range, base, rows, whatIf: levers.length > 1 ? [...each, whatIf('all', null, combinedMultiplier(levers))] : each };
}
