/**
 * A portfolio's limits (seed 000's governance: canary retention with a defined maximum, exit
 * criteria, residency made visible). Unlike triggers, which watch the decision's boundaries,
 * these judge how the fleet is run: a canary kept past the limit, a model past the day it was to
 * leave and still resident, too much residency serving no traffic. Each is stated every run; a
 * review flags one only when it passes its limit after the decision in force.
 */
import { ageInDays } from '../time/iso-day.js';

export interface GovernancePolicy {
  /** The longest a canary may stay resident after a rollout, days. */
  canaryMaxDays: number;
  /** The share of resident GPU-hours that may serve no traffic. */
  notServingMax: number;
  /** Days a model's own verdict may differ from its pool's before a review flags it. */
  divergenceDays: number;
}

export const DEFAULT_GOVERNANCE: GovernancePolicy = { canaryMaxDays: 14, notServingMax: 0.25, divergenceDays: 90 };

export const GOVERNANCE_CHECK_IDS = ['canary-retention', 'past-retire-by', 'not-serving-share'] as const;

export interface GovernanceCheck {
  id: (typeof GOVERNANCE_CHECK_IDS)[number];
  /** The model it concerns; null for the whole portfolio. */
  model: string | null;
  /** Days a canary is kept; days past retireBy (negative: days left); the share serving no traffic. */
  value: number;
  limit: number;
  /** value > limit; for retireBy, value ≥ 0 (the day has come). */
  overLimit: boolean;
}

export interface GovernedModel {
  name: string;
  canaryRetainedDays: number | null;
  /** YYYY-MM-DD; null without one. */
  retireBy: string | null;
}

/** Every check of the portfolio against its limits, at `now` (epoch ms). */
export function governanceChecks(
  models: ReadonlyArray<GovernedModel>,
  notServingShare: number,
  policy: GovernancePolicy,
  now: number,
): GovernanceCheck[] {
  const checks: GovernanceCheck[] = [];
  for (const m of models) {
    if (m.canaryRetainedDays !== null)
      checks.push({
        id: 'canary-retention',
        model: m.name,
        value: m.canaryRetainedDays,
        limit: policy.canaryMaxDays,
        overLimit: m.canaryRetainedDays > policy.canaryMaxDays,
      });
    if (m.retireBy !== null) {
      const days = ageInDays(m.retireBy, now);
      checks.push({ id: 'past-retire-by', model: m.name, value: days, limit: 0, overLimit: days >= 0 });
    }
  }
  checks.push({
    id: 'not-serving-share',
    model: null,
    value: notServingShare,
    limit: policy.notServingMax,
    overLimit: notServingShare > policy.notServingMax,
  });
  return checks;
}
