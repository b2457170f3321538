import { profileRecord, scaleProfileInto, type DemandProfile, type ProfileRecord } from '../demand/demand-profile.js';

export const OPTION_IDS = ['cloud', 'dedicated', 'reserved', 'onprem', 'edge'] as const;
export type OptionId = (typeof OPTION_IDS)[number];

/** One option's month at one demand profile: every component, and their sum. */
export interface OptionCost {
  id: OptionId;
  total: number;
  /** Named components in display order; they add up to `total`. */
  components: Record<string, number>;
  /** The capital line (depreciation + financing interest), left out of the payback saving. */
  capital: number;
  /** GPUs the option provides before overflow; null for elastic cloud. */
  capacityGpus: number | null;
  /** Mean busy GPUs nobody serves (on-prem with burst: none); null when overflow is priced. */
  shortfallBusyGpus: number | null;
  /** Hours a month in which demand exceeds what the option serves (burst: none); null when overflow is priced. */
  shortfallHours: number | null;
}

/** Σ of the components in their order, from 0: the total every option's month must equal. */
export function sumOfComponents(components: Record<string, number>): number {
  let total = 0;
  for (const key in components) total += components[key] as number;
  return total;
}

/**
 * `total`: the components' sum written out in the same order by the formulas priced month after
 * month (a loop over the keys cost Monte Carlo with growth a third of its time); a test holds every
 * option's written-out total equal to sumOfComponents.
 */
export function optionCost(
  id: OptionId,
  components: Record<string, number>,
  extra: Partial<Pick<OptionCost, 'capital' | 'capacityGpus' | 'shortfallBusyGpus' | 'shortfallHours'>> = {},
  total: number = sumOfComponents(components),
): OptionCost {
  return {
    id,
    total,
    components,
    capital: extra.capital ?? 0,
    capacityGpus: extra.capacityGpus ?? null,
    shortfallBusyGpus: extra.shortfallBusyGpus ?? null,
    shortfallHours: extra.shortfallHours ?? null,
  };
}

/**
 * Months of a demand path an option prices in one call: months from..to − 1 at the demand scaled
 * by factors[i], each month's total and running cost (the month without capital) written at [i].
 * A month after `from` whose factor equals the one before is that month again: its figures are
 * copied.
 */
export interface PathRange {
  factors: ReadonlyArray<number>;
  from: number;
  to: number;
  totals: number[];
  running: number[];
}

/**
 * What an option's pricing loop needs of a run (priceCloud, priceOnPrem): the months to price, one
 * month (index 0, the profile as given) without a run; the record each month's profile is scaled
 * into; the repeated months copied.
 */
export class PathMonthsOf {
  readonly from: number;
  readonly to: number;
  private readonly record: ProfileRecord | null;

  constructor(
    private readonly demand: DemandProfile,
    private readonly path: PathRange | null,
  ) {
    this.from = path === null ? 0 : path.from;
    this.to = path === null ? 1 : path.to;
    this.record = path === null ? null : profileRecord(demand);
  }

  /** Month i after the run's first is month i − 1 again (the same factor): its figures copied. */
  copied(i: number): boolean {
    const path = this.path;
    if (path === null || i <= path.from || path.factors[i] !== path.factors[i - 1]) return false;
    path.totals[i] = path.totals[i - 1] as number;
    path.running[i] = path.running[i - 1] as number;
    return true;
  }

  /** Month i's demand: the profile as given without a run, else scaled by the month's factor. */
  profile(i: number): DemandProfile {
    return this.record === null
      ? this.demand
      : scaleProfileInto(this.record, this.demand, (this.path as PathRange).factors[i] as number);
  }

  /** Month i's total and running cost, written into the run's columns. */
  put(i: number, total: number, running: number): void {
    if (this.path === null) return;
    this.path.totals[i] = total;
    this.path.running[i] = running;
  }
}
