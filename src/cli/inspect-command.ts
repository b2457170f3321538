/**
 * `placement inspect FILE`: what the tool reads from an input before any verdict depends on it:
 * the format detected, GPUs, time range, resolution, coverage, bad rows, and the statistics of
 * docs/model.md (or its token statistics for tokens, per-month totals for a bill).
 */
import { Chalk } from 'chalk';
import { tokenStats } from '../model/signals/token-stats.js';
import { profileFromHistory } from '../model/utilization/utilization-profile.js';
import { detectKind, type InputKind } from '../input/readers/detect-kind.js';
import { peekBytes, type UtilizationFormatName } from '../input/readers/detect-format.js';
import { DEFAULT_GPU_PATTERN, readFocus } from '../input/readers/focus-billing.js';
import { displayName } from '../input/load-inputs.js';
import { readUtilization } from '../input/read-utilization.js';
import { decodeUtf8, openText } from '../input/readers/text-source.js';
import { readTokens } from '../input/readers/tokens-csv.js';
import { renderInspect, type Inspection } from '../present/render-inspect.js';
import { DEFAULT_WIDTH, fitLines } from '../present/fit.js';
import { InputError } from '../errors.js';
import { STEP_EXAMPLES, stepFitsHours, stepSeconds } from '../input/readers/store-step.js';
import { isValidTimeZone } from '../model/time/zone.js';
import type { Io } from './io.js';
import type { Format } from './options.js';
import { ProgressLine } from './progress.js';

export interface InspectOptions {
  format: Format;
  kind?: InputKind;
  utilizationFormat?: 'auto' | UtilizationFormatName;
  unit?: 'auto' | 'percent' | 'fraction';
  timezone: string;
  window: number;
  metric?: string;
  columns?: string;
  timeColumn?: string | number;
  valueColumn?: string | number;
  gpuColumn?: string | number;
  maxBadRows: number;
  /** A metrics store to read utilization from instead of a file. */
  prometheus?: string;
  selector?: string;
  query?: string;
  step?: string;
  caFile?: string;
}

export async function inspectCommand(file: string | undefined, o: InspectOptions, io: Io): Promise<number> {
  if (!isValidTimeZone(o.timezone))
    throw new InputError({
      field: '--timezone',
      message: `unknown time zone "${o.timezone}"; expected an IANA name such as UTC or Europe/Berlin`,
    });
  if ((file === undefined) === (o.prometheus === undefined))
    throw new InputError({ message: 'inspect reads one input: a file, or a store with --prometheus URL' });
  if (o.prometheus !== undefined) {
    const seconds = o.step === undefined ? 3600 : stepSeconds(o.step);
    if (seconds === null || !stepFitsHours(seconds))
      throw new InputError({ field: '--step', message: `expected a part of an hour: ${STEP_EXAMPLES}` });
    if (o.caFile !== undefined && !o.prometheus.startsWith('https:'))
      throw new InputError({ field: '--ca-file', message: 'goes with an https:// address' });
    const { readStore, storeLabel } = await import('../input/read-store.js');
    const progress = io.progress && o.format !== 'json' ? new ProgressLine(io.stderr, io.clock, io.width) : null;
    let read;
    try {
      read = await readStore(
        { url: o.prometheus, selector: o.selector, query: o.query, step: o.step },
        {
          now: io.now(),
          hours: o.window * 24,
          unit: o.unit ?? 'auto',
          env: io.env ?? {},
          caFile: o.caFile === undefined ? undefined : { path: o.caFile, label: o.caFile },
          progress: progress?.store(storeLabel(o.prometheus)),
        },
      );
    } finally {
      progress?.done();
    }
    const inspection: Inspection = {
      kind: 'utilization',
      file: read.summary.source,
      timezone: o.timezone,
      summary: read.summary,
      profile: profileFromHistory(read.hours, o.window, o.timezone, [0.4, 0.6, 0.7]),
      warnings: read.warnings,
    };
    return show(inspection, o, io);
  }
  const storeOnly = (['selector', 'query', 'step', 'caFile'] as const).find((k) => o[k] !== undefined);
  if (storeOnly !== undefined)
    throw new InputError({
      field: { selector: '--selector', query: '--query', step: '--step', caFile: '--ca-file' }[storeOnly],
      message: 'goes with --prometheus',
    });
  return inspectFile(file as string, o, io);
}

async function inspectFile(file: string, o: InspectOptions, io: Io): Promise<number> {
  const src = await openText(file, displayName(file));
  const { head, bytes } = await peekBytes(src.bytes as AsyncIterable<Buffer>);
  const input = { ...src, bytes, chunks: decodeUtf8(bytes) };
  const kind = o.kind ?? detectKind(head);
  const now = io.now();
  const progress = io.progress && o.format !== 'json' ? new ProgressLine(io.stderr, io.clock, io.width) : null;
  let inspection: Inspection;
  try {
    const hook = progress?.hook(src.label, src.size, src.bytesRead);
    if (kind === 'utilization') {
      const read = await readUtilization(input, {
        format: o.utilizationFormat ?? 'auto',
        unit: o.unit ?? 'auto',
        timeZone: o.timezone,
        metric: o.metric,
        columns: o.columns?.split(',').map((c) => c.trim()),
        maxBadRowFraction: o.maxBadRows,
        now,
        progress: hook,
        timestampColumn: o.timeColumn,
        valueColumn: o.valueColumn,
        gpuColumn: o.gpuColumn,
      });
      const profile = profileFromHistory(read.hours, o.window, o.timezone, [0.4, 0.6, 0.7]);
      inspection = {
        kind,
        file: src.label,
        timezone: o.timezone,
        summary: read.summary,
        profile,
        warnings: read.warnings,
      };
    } else if (kind === 'tokens') {
      const read = await readTokens(input, o.timezone, 'auto', o.maxBadRows, hook);
      inspection = {
        kind,
        file: src.label,
        timezone: o.timezone,
        format: read.format,
        counts: read.counts,
        stats: tokenStats(read.days, o.window),
      };
    } else {
      const read = await readFocus(input, DEFAULT_GPU_PATTERN, o.maxBadRows);
      inspection = {
        kind,
        file: src.label,
        costColumn: read.costColumn,
        currency: read.currency,
        counts: read.counts,
        months: read.months,
      };
    }
  } finally {
    progress?.done();
  }
  return show(inspection, o, io);
}

function show(inspection: Inspection, o: InspectOptions, io: Io): number {
  // The hourly values are the history itself; JSON carries the statistics and the daily means.
  const data =
    inspection.kind === 'utilization'
      ? { ...inspection, profile: { ...inspection.profile, hourly: undefined } }
      : inspection;
  io.stdout(
    o.format === 'json'
      ? `${JSON.stringify(data, null, 2)}\n`
      : fitLines(renderInspect(inspection, new Chalk({ level: io.colour ? 1 : 0 })), io.width ?? DEFAULT_WIDTH),
  );
  return 0;
}
