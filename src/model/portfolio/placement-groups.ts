/**
 * Which models of a portfolio must be placed apart. The framework's first two rules hold for a
 * model's own traffic, not for its neighbours': sovereign data may run only on owned hardware and
 * never burst to a public cloud; a fifth of a model's traffic where the central site cannot meet
 * the latency target needs edge sites. So a portfolio is split into its sovereign models, its edge
 * models and the rest, and each group is pooled and placed on its own. An agentic model stays with
 * the rest, and its group keeps the burst path its volatility needs.
 */
import { FAR_REGION_SHARE } from '../constants.js';
import type { ModelWorkload, Region } from '../inputs.js';
import { latencyFloors } from '../signals/latency-floors.js';

export const GROUP_IDS = ['sovereign', 'edge', 'central'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export type Constraints = ModelWorkload['constraints'];

/** What a model says of itself; `regions` null keeps the workload's. */
export interface OwnConstraints {
  sovereignty: boolean;
  agentic: boolean;
  regions: Region[] | null;
}

/** A model's constraints: the workload's, with its own added (sovereign or agentic if either says so). */
export function modelConstraints(shared: Constraints, own: OwnConstraints | null): Constraints {
  if (own === null) return shared;
  return {
    ...shared,
    sovereignty: shared.sovereignty || own.sovereignty,
    agentic: shared.agentic || own.agentic,
    regions: own.regions ?? shared.regions,
  };
}

/** Where a model must go: rule 1 before rule 2, as for one workload. */
export function groupOf(c: Constraints): GroupId {
  if (c.sovereignty) return 'sovereign';
  const far = latencyFloors(c).farShare;
  return far !== null && far >= FAR_REGION_SHARE ? 'edge' : 'central';
}

export interface PlacementGroup {
  id: GroupId;
  /** Indexes of its models, in the scenario's order. */
  members: number[];
  /** The group's constraints as one workload's. */
  constraints: Constraints;
}

/**
 * The portfolio's groups, sovereign first, then edge, then the rest; only those with models.
 * `weights` are each model's share of the traffic, to weigh its regions' shares in its group's.
 */
export function placementGroups(models: ReadonlyArray<Constraints>, weights: ReadonlyArray<number>): PlacementGroup[] {
  return GROUP_IDS.flatMap((id) => {
    const members = models.flatMap((c, k) => (groupOf(c) === id ? [k] : []));
    if (members.length === 0) return [];
    const cs = members.map((k) => models[k] as Constraints);
    return [
      {
        id,
        members,
        constraints: groupConstraints(
          cs,
          members.map((k) => weights[k] ?? 0),
        ),
      },
    ];
  });
}

/** The group the report's verdict, tables and triggers describe: the models placed by price, else the first. */
export function mainGroup<G extends { id: GroupId }>(groups: ReadonlyArray<G>): G {
  return groups.find((g) => g.id === 'central') ?? (groups[0] as G);
}

/**
 * Several models' constraints as one workload's: sovereign or agentic if any is; each region's
 * share of the group's traffic weighted by the models' traffic (equal weights when none has
 * any), at its farthest round trip. The same constraints for every model are kept as they are.
 */
export function groupConstraints(cs: ReadonlyArray<Constraints>, weights: ReadonlyArray<number>): Constraints {
  const first = cs[0] as Constraints;
  if (cs.every((c) => c === first)) return first;
  const total = weights.reduce((t, w) => t + w, 0);
  const w = (k: number) => (total > 0 ? (weights[k] ?? 0) / total : 1 / cs.length);
  const regions = new Map<string, Region>();
  cs.forEach((c, k) => {
    for (const r of c.regions) {
      const seen = regions.get(r.name);
      regions.set(r.name, {
        name: r.name,
        trafficShare: (seen?.trafficShare ?? 0) + r.trafficShare * w(k),
        rttMs: Math.max(seen?.rttMs ?? 0, r.rttMs),
      });
    }
  });
  return {
    ...first,
    sovereignty: cs.some((c) => c.sovereignty),
    agentic: cs.some((c) => c.agentic),
    regions: [...regions.values()],
  };
}
