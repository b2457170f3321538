/**
 * docs/model.md, on-prem plan, advisory: the whole number of servers that would minimise the measured
 * month — fewer where the fleet idles, more where bursting to cloud costs more than owning; without
 * a burst path (sovereign data), the fewest that serve the busiest hour at the latency target.
 */
import type { ModelScenario } from '../inputs.js';
import type { OnPremOption } from '../inputs.js';
import { peakBusy, type DemandProfile } from '../demand/demand-profile.js';
import { onPremCost } from './onprem-cost.js';

/**
 * Re-sizing is only defined when the server count is the hardware: a lease, or one hardware line
 * bought at month 0 with one unit a server. Otherwise (several lines, later purchases) null.
 */
function resized(o: OnPremOption, servers: number): OnPremOption | null {
  if (o.lease !== undefined) return { ...o, servers };
  const [line, ...rest] = o.hardware;
  if (line === undefined || rest.length > 0 || line.quantity !== o.servers || line.purchaseMonth !== 0) return null;
  return { ...o, servers, hardware: [{ ...line, quantity: servers }] };
}

export function rightSizeServers(demand: DemandProfile, s: ModelScenario): number | null {
  const o = s.options.onPrem;
  if (o === undefined || resized(o, o.servers) === null) return null;
  const forPeak = Math.max(1, Math.ceil(peakBusy(demand) / (o.gpusPerServer * s.workload.targetUtilization) - 1e-9));
  // Without burst, a shortfall is not priced, so the cheapest month would always be one server:
  // the right size is the one that serves every measured hour at the latency target.
  if (o.burst === 'none') return forPeak;
  // Past the servers that serve the peak at τ, more servers only add cost.
  const most = Math.max(o.servers, forPeak);
  let best = o.servers;
  let bestTotal = onPremCost(demand, o, s).total;
  for (let servers = 1; servers <= most; servers++) {
    const option = resized(o, servers) as OnPremOption;
    const total = onPremCost(demand, option, { ...s, options: { ...s.options, onPrem: option } }).total;
    if (total < bestTotal || (total === bestTotal && servers < best)) [best, bestTotal] = [servers, total];
  }
  return best;
}
