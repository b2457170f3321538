/**
 * Rules across fields, checked after the schema: each returns problems with the field path,
 * so every one is reported at once with its position in the file.
 */
import { excerpt } from '../../errors.js';
import { parseTimestamp } from '../readers/parse-timestamp.js';
import { STEP_EXAMPLES, stepFitsHours, stepSeconds } from '../readers/store-step.js';
import { TIME_RANGE_TEXT } from '../../model/time/time-range.js';
import { isValidTimeZone } from '../../model/time/zone.js';
import type { Scenario } from './schema.js';

export interface RuleProblem {
  path: (string | number)[];
  message: string;
}

type Utilization = Scenario['workload']['utilization'];

const hasHistory = (u: Utilization): boolean =>
  u.source !== undefined || u.samples !== undefined || u.prometheus !== undefined || u.assumed !== undefined;

/** One utilization block's own rules: a history or an assumption, one history, a store that can be asked. */
function utilizationProblems(u: Utilization, at: (string | number)[], timezone: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!hasHistory(u)) {
    problems.push({
      path: at,
      message: 'needs a history (source, samples or prometheus) or a flat assumption (assumed: 0..1)',
    });
  }
  const histories = (['source', 'samples', 'prometheus'] as const).filter((k) => u[k] !== undefined);
  if (histories.length > 1) {
    problems.push({
      path: [...at, histories[1] as string],
      message: `give either ${histories[0] as string} or ${histories[1] as string}, not both`,
    });
  }
  const store = u.prometheus;
  if (store?.step !== undefined) {
    const seconds = stepSeconds(store.step);
    if (seconds !== null && !stepFitsHours(seconds))
      problems.push({
        path: [...at, 'prometheus', 'step'],
        message: `is not a whole part of an hour; expected ${STEP_EXAMPLES}`,
      });
  }
  if (store?.caFile !== undefined && !store.url.startsWith('https:'))
    problems.push({ path: [...at, 'prometheus', 'caFile'], message: 'goes with an https:// address' });
  if (isValidTimeZone(timezone))
    u.samples?.forEach((sample, i) => {
      if (parseTimestamp(sample.t, timezone) === null) {
        problems.push({
          path: [...at, 'samples', i, 't'],
          message: `cannot read "${excerpt(sample.t)}" as a time; expected ISO 8601 (2026-01-01T00:00:00Z) or epoch seconds, ${TIME_RANGE_TEXT}`,
        });
      }
    });
  return problems;
}

/** A portfolio: each model its own history and fleet, the workload's left to their sum. */
function portfolioProblems(s: Scenario, models: NonNullable<Scenario['models']>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (s.workload.referenceGpus !== undefined)
    problems.push({
      path: ['workload', 'referenceGpus'],
      message: 'with models, the fleet is theirs: give referenceGpus for each model instead',
    });
  if (hasHistory(s.workload.utilization))
    problems.push({
      path: ['workload', 'utilization'],
      message: 'with models, each has its own history: give utilization for each model instead',
    });
  if (s.workload.tokens !== undefined && models.some((m) => m.tokens !== undefined))
    problems.push({
      path: ['workload', 'tokens'],
      message: "with models' own token histories, the portfolio's is their sum: give tokens for each model instead",
    });
  if (s.workload.egress.internetGBPerMonth !== undefined && models.some((m) => m.egress !== undefined))
    problems.push({
      path: ['workload', 'egress'],
      message: "with models' own egress, the portfolio's is their sum: give egress for each model instead",
    });
  const seen = new Set<string>();
  models.forEach((m, i) => {
    if (seen.has(m.name))
      problems.push({ path: ['models', i, 'name'], message: `"${excerpt(m.name)}" names another model already` });
    seen.add(m.name);
    problems.push(...utilizationProblems(m.utilization, ['models', i, 'utilization'], s.timezone));
    if (m.fallbackFor !== undefined && (m.fallbackFor === m.name || !models.some((o) => o.name === m.fallbackFor)))
      problems.push({
        path: ['models', i, 'fallbackFor'],
        message: `expected the name of another model: ${models
          .filter((o) => o.name !== m.name)
          .map((o) => `"${excerpt(o.name)}"`)
          .join(', ')}`,
      });
    if (m.since !== undefined && m.retireBy !== undefined && m.retireBy < m.since)
      problems.push({ path: ['models', i, 'retireBy'], message: `is before since (${m.since})` });
    const shares = (m.constraints?.regions ?? []).reduce((t, r) => t + r.trafficShare, 0);
    if (shares > 1 + 1e-9)
      problems.push({
        path: ['models', i, 'constraints', 'regions'],
        message: `traffic shares add up to ${shares}; they must add up to at most 1 of this model's traffic`,
      });
    if (m.shadow !== undefined && m.canary === undefined)
      problems.push({
        path: ['models', i, 'shadow'],
        message: 'is resident while a canary is: give canary {share, retainedDays} too',
      });
  });
  return problems;
}

export function checkScenarioRules(s: Scenario): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const u = s.workload.utilization;
  if (s.models !== undefined) problems.push(...portfolioProblems(s, s.models));
  else if (s.governance !== undefined)
    problems.push({ path: ['governance'], message: 'sets limits for a portfolio: give models, or leave it out' });
  else {
    if (s.workload.referenceGpus === undefined)
      problems.push({
        path: ['workload', 'referenceGpus'],
        message: 'is required: expected the whole number of GPUs the history was measured on',
      });
    problems.push(...utilizationProblems(u, ['workload', 'utilization'], s.timezone));
  }
  const stdinUsers = [
    u.source,
    ...(s.models ?? []).flatMap((m) => [m.utilization.source, m.tokens?.source]),
    s.workload.tokens?.source,
    s.workload.billing?.source,
  ].filter((x) => x === '-').length;
  if (stdinUsers > 1) problems.push({ path: ['workload'], message: 'only one input can come from stdin ("-")' });

  if (!isValidTimeZone(s.timezone)) {
    problems.push({
      path: ['timezone'],
      message: `unknown time zone "${s.timezone}"; expected an IANA name such as UTC or Europe/Berlin`,
    });
  }

  const tau = s.workload.targetUtilization;
  const oldTau = s.options.cloud.targetUtilization;
  if (tau !== undefined && oldTau !== undefined && tau !== oldTau) {
    problems.push({
      path: ['options', 'cloud', 'targetUtilization'],
      message: `is ${oldTau} but workload.targetUtilization is ${tau}; one headroom applies to every pool: keep workload.targetUtilization only`,
    });
  }

  const regions = s.workload.constraints.regions;
  const share = regions.reduce((sum, r) => sum + r.trafficShare, 0);
  if (share > 1 + 1e-9) {
    problems.push({
      path: ['workload', 'constraints', 'regions'],
      message: `traffic shares add up to ${share}; they must add up to at most 1`,
    });
  }

  const tiers = s.options.cloud.egressTiers;
  let previous = 0;
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (tier.uptoGB === undefined && !last) {
      problems.push({
        path: ['options', 'cloud', 'egressTiers', i, 'uptoGB'],
        message: 'only the last tier may leave out uptoGB',
      });
    } else if (tier.uptoGB !== undefined && last) {
      problems.push({
        path: ['options', 'cloud', 'egressTiers', i, 'uptoGB'],
        message: 'the last tier must leave out uptoGB so that it prices all traffic above the others',
      });
    }
    if (tier.uptoGB !== undefined) {
      if (tier.uptoGB <= previous) {
        problems.push({
          path: ['options', 'cloud', 'egressTiers', i, 'uptoGB'],
          message: `must be above the previous tier's bound (${previous}); bounds are cumulative`,
        });
      }
      previous = tier.uptoGB;
    }
  });

  const onPrem = s.options.onPrem;
  if (onPrem !== undefined) {
    if (onPrem.lease === undefined && onPrem.hardware.length === 0) {
      problems.push({
        path: ['options', 'onPrem', 'hardware'],
        message: 'needs at least one hardware line (or a lease instead)',
      });
    }
    if (onPrem.lease !== undefined && onPrem.hardware.length > 0) {
      problems.push({
        path: ['options', 'onPrem', 'lease'],
        message: 'give either hardware (bought) or lease, not both; compare the two in two scenario files',
      });
    }
    if (onPrem.lease !== undefined && onPrem.financing !== undefined) {
      problems.push({
        path: ['options', 'onPrem', 'financing'],
        message: 'financing applies to bought hardware; a lease has none',
      });
    }
  }
  s.options.onPrem?.hardware.forEach((line, i) => {
    if (line.factor !== undefined && line.method !== 'declining-balance') {
      problems.push({
        path: ['options', 'onPrem', 'hardware', i, 'factor'],
        message: 'factor applies to declining-balance only; set method: declining-balance or leave factor out',
      });
    }
  });

  return problems;
}
