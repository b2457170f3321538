/**
 * Sensitivity: each input moved down and up by a share (±20 % by default), the whole
 * model re-run, and how the on-prem break-even, the monthly saving and the verdict move. A
 * tornado: sorted by the swing of the saving. Pure: it only calls analyze() on varied inputs.
 */
import { valueAt, type DataPath } from './replace-nodes.js';
import type { ModelScenario } from '../inputs.js';
import { valueSetter } from './field-writer.js';
import { analyze, type Analysis, type AnalysisInput } from '../analysis/analyze.js';
import { combinedMultiplier, leverMultiplier, scaleDemand, type LeverSetting } from './what-if.js';

export interface Variable {
  id: string;
  /** The input with every value multiplied by f (clamped where the model needs it). */
  apply: (input: AnalysisInput, f: number) => AnalysisInput;
}

const withScenario = (input: AnalysisInput, s: ModelScenario): AnalysisInput => ({ ...input, scenario: s });

/** Every value at `paths` in the scenario × f (then `clamp`), the rest shared. */
function scaledAt(paths: ReadonlyArray<DataPath>, clamp = (x: number): number => x): Variable['apply'] {
  const set = valueSetter(paths);
  return (i, f) =>
    withScenario(
      i,
      set(
        i.scenario,
        paths.map((p) => clamp((valueAt(i.scenario, p) as number) * f)),
      ),
    );
}

/** The inputs a placement decision is most exposed to, those the scenario has. */
export function variablesOf(s: ModelScenario): Variable[] {
  const v: Variable[] = [
    { id: 'demand (utilization)', apply: scaleDemand },
    { id: 'cloud.onDemandPerGpuHour', apply: scaledAt([['options', 'cloud', 'onDemandPerGpuHour']]) },
  ];
  if (s.workload.egress.internetGBPerMonth > 0)
    v.push({
      id: 'workload.egress.internetGBPerMonth',
      apply: scaledAt([['workload', 'egress', 'internetGBPerMonth']]),
    });
  if (s.options.dedicated)
    v.push({ id: 'dedicated.perGpuHour', apply: scaledAt([['options', 'dedicated', 'perGpuHour']]) });
  const o = s.options.onPrem;
  if (o) {
    const at = (...path: DataPath): DataPath => ['options', 'onPrem', ...path];
    if (o.hardware.length > 0)
      v.push({
        id: 'onPrem.hardware.unitCost',
        apply: scaledAt(o.hardware.map((_, k) => at('hardware', k, 'unitCost'))),
      });
    v.push(
      { id: 'onPrem.electricityPerKwh', apply: scaledAt([at('electricityPerKwh')]) },
      { id: 'onPrem.pue', apply: scaledAt([at('pue')], (x) => Math.max(1, x)) },
      { id: 'onPrem.facilityPerKwMonth', apply: scaledAt([at('facilityPerKwMonth')]) },
      { id: 'onPrem.staff.costPerFteYear', apply: scaledAt([at('staff', 'costPerFteYear')]) },
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
  const best = others.reduce<(typeof others)[number] | null>(
    (b, o) => (b === null || o.cost.total < b.cost.total ? o : b),
    null,
  );
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
    const swing =
      low.monthlySaving === null || high.monthlySaving === null ? 0 : Math.abs(high.monthlySaving - low.monthlySaving);
    return {
      id: v.id,
      low,
      high,
      swing,
      flipsVerdict: low.placement !== base.placement || high.placement !== base.placement,
    };
  });
  rows.sort((a, b) => b.swing - a.swing);
  const whatIf = (lever: string, value: number | null, m: number): WhatIfRow => {
    const outcome = outcomeOf(analyze(scaleDemand(input, m)));
    return { lever, value, demandMultiplier: m, outcome, flipsVerdict: outcome.placement !== base.placement };
  };
  const each = levers.map((l) => whatIf(l.lever, l.value, leverMultiplier(l)));
  return {
    range,
    base,
    rows,
    whatIf: levers.length > 1 ? [...each, whatIf('all', null, combinedMultiplier(levers))] : each,
  };
}
