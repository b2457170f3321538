/**
 * The seven workload classes of seed 003's deployment-model table, and seed 000's portfolio of
 * models on one fleet, as starting points for `init`.
 */
export const WORKLOAD_CLASSES = [
  { id: 'experimental', label: 'Experimental internal copilot, model selection in flux', assumed: 0.25 },
  { id: 'stable-high-volume', label: 'Stable high-volume inference, predictable demand', assumed: 0.7 },
  { id: 'sovereign', label: 'Sovereign enterprise AI, regulated data', assumed: 0.5, sovereignty: true },
  { id: 'multi-region', label: 'Multi-region, latency-sensitive inference', assumed: 0.55, regions: true },
  { id: 'agentic', label: 'Agentic multi-step workflows', assumed: 0.45, agentic: true },
  { id: 'rag', label: 'Retrieval-heavy enterprise RAG', assumed: 0.5, retrieval: true },
  { id: 'burst', label: 'Burst inference, variable demand', assumed: 0.35 },
  { id: 'portfolio', label: 'A portfolio: several models served from one fleet', assumed: 0.5 },
] as const;

export type WorkloadClass = (typeof WORKLOAD_CLASSES)[number];
export type WorkloadClassId = WorkloadClass['id'];
