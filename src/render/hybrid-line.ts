import type { Report } from '../report/build-report.js';
import { money, percent, rate } from './format.js';

/** Issue 7: the hybrid option's sizing in one sentence, beside the two pure answers; null without one. */
export function hybridLine(r: Report): string | null {
  const o = r.options.find((x) => x.id === 'hybrid');
  const h = o?.sizing;
  if (o === undefined || h == null) return null;
  const cur = r.currency;
  return `Hybrid: reserve ${h.baselineGpus} GPU${h.baselineGpus === 1 ? '' : 's'} and burst to cloud ${percent(h.burstShareOfHours)} of hours ` +
    `(critical fractile ${rate(h.ownedPerGpuHour, cur)} ÷ ${rate(h.cloudPerBusyGpuHour, cur)} = ${percent(h.criticalRatio)}): ` +
    `${money(o.monthly.total as number, cur)}/month vs ${money(h.allOwnedMonthly, cur)} all reserved (peak ${Math.ceil(h.peakBusyGpus)} GPUs) and ${money(h.allCloudMonthly, cur)} all cloud`;
}
