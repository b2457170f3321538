import type { Report } from '../report/build-report.js';
import { money, percent, rate } from './format.js';

/** The reserved plan's sizing in one sentence, beside the two pure answers; null without one. */
export function reservedLine(r: Report): string | null {
  const o = r.options.find((x) => x.id === 'reserved');
  const h = o?.sizing;
  if (o === undefined || h == null) return null;
  const cur = r.currency;
  if (h.gpus === 0) {
    return `Reserved plan: no reservation is cheaper than on-demand at the measured profile (reserved ${rate(h.reservedPerGpuHour, cur)} against on-demand ${rate(h.onDemandPerGpuHour, cur)} per GPU-hour, at this demand)`;
  }
  return (
    `Reserved plan: ${h.gpus} GPU${h.gpus === 1 ? '' : 's'}; on-demand carries ${percent(h.burstShareOfBusyGpuHours)} of the busy GPU-hours in ${percent(h.burstShareOfHours)} of the hours ` +
    `(reserved ${rate(h.reservedPerGpuHour, cur)} ÷ on-demand ${rate(h.onDemandPerGpuHour, cur)} = ${percent(h.criticalRatio)}): ` +
    `${money(o.monthly.total as number, cur)}/month, against ${money(h.allReservedMonthly, cur)} reserving all ${h.peakGpus} GPUs the peak needs and ${money(h.allCloudMonthly, cur)} all on-demand`
  );
}
