/**
 * docs/model.md: is there enough data to carry the verdict? The inputs' extent (dataQuality), and a
 * verdict that is provisional — still computed, still exit 0 — with one need per thing missing.
 */
import type { TokenStats } from '../signals/token-stats.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { FIRM_COVERAGE, FIRM_GPU_MISMATCH, FIRM_HISTORY_DAYS } from '../constants.js';
import type { Repatriation } from './repatriation.js';
import type { Reason } from './verdict.js';

export interface DataQuality {
  /** Calendar days from the first to the last utilization sample in the window; null when assumed. */
  utilizationDays: number | null;
  /** Share of the hours between the first and the last sample that have data; null when assumed. */
  coverage: number | null;
  /** GPUs in a per-GPU export; null for a fleet-level series or an assumption. */
  gpusSeen: number | null;
  referenceGpus: number;
  /** Days of token history in the window; null without one. */
  tokenDays: number | null;
  /** Calendar days the token and utilization histories share; null without both. */
  overlapDays: number | null;
}

export function dataQuality(
  u: UtilizationProfile,
  tokens: TokenStats | null,
  gpusSeen: number | null,
  referenceGpus: number,
): DataQuality {
  const w = u.kind === 'history' ? u.window : null;
  const firstDay = u.daily[0]?.day;
  const lastDay = u.daily.at(-1)?.day;
  const overlap =
    tokens === null || firstDay === undefined || lastDay === undefined
      ? null
      : Math.max(0, Math.min(lastDay, tokens.lastDay) - Math.max(firstDay, tokens.firstDay) + 1);
  return {
    utilizationDays: w?.spanDays ?? null,
    coverage: w?.spanCoverage ?? null,
    gpusSeen: w === null ? null : gpusSeen,
    referenceGpus,
    tokenDays: tokens?.days ?? null,
    overlapDays: overlap,
  };
}

export interface Status {
  status: 'firm' | 'provisional';
  /** One per input that would make the verdict firm, coded with its numbers. */
  needs: Reason[];
}

export function verdictStatus(q: DataQuality, repatriation: Repatriation): Status {
  const needs: Reason[] = [];
  if (q.utilizationDays === null) needs.push({ code: 'need-measured-utilization', args: { days: FIRM_HISTORY_DAYS } });
  else {
    if (q.utilizationDays < FIRM_HISTORY_DAYS) {
      needs.push({
        code: 'need-longer-history',
        args: { days: q.utilizationDays, needed: FIRM_HISTORY_DAYS, more: FIRM_HISTORY_DAYS - q.utilizationDays },
      });
    }
    if (q.coverage !== null && q.coverage < FIRM_COVERAGE)
      needs.push({ code: 'need-coverage', args: { coverage: q.coverage, needed: FIRM_COVERAGE } });
    if (gpusDiffer(q))
      needs.push({ code: 'need-gpus-match', args: { gpusSeen: q.gpusSeen, referenceGpus: q.referenceGpus } });
  }
  const unknown = repatriation.conditions.filter((c) => c.status === 'unknown');
  if (unknown.length === 1 && repatriation.conditions.every((c) => c.status !== 'not-met')) {
    needs.push({
      code: 'need-repatriation-input',
      args: { condition: (unknown[0] as Repatriation['conditions'][number]).id },
    });
  }
  return { status: needs.length === 0 ? 'firm' : 'provisional', needs };
}

/** A per-GPU export whose GPU count is more than 10 % away from the fleet the scenario names. */
export function gpusDiffer(q: DataQuality): boolean {
  return q.gpusSeen !== null && Math.abs(q.gpusSeen - q.referenceGpus) > FIRM_GPU_MISMATCH * q.referenceGpus;
}
