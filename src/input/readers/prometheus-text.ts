/**
 * Prometheus text exposition, as the DCGM exporter serves it: `# HELP`/`# TYPE` lines and
 * `METRIC{label="v",…} value [timestamp-ms]`, one or many scrapes concatenated. Only the chosen
 * metric is read (default DCGM_FI_DEV_GPU_UTIL); every other metric is skipped.
 */
import { excerpt } from '../../errors.js';
import type { Emit, RowOutcome, RowParser } from './row-reader.js';
import type { NumberedLine } from './text-source.js';

export const DEFAULT_GPU_METRIC = 'DCGM_FI_DEV_GPU_UTIL';

export interface PrometheusTextOptions {
  metric: string;
  /** Samples without a timestamp are taken as of this instant (a single scrape is "now"). */
  now: number;
}

/** The GPU a series stands for: its UUID, else host/instance and gpu index, else all its labels. */
export function seriesKey(labels: ReadonlyMap<string, string>): string {
  const uuid = labels.get('UUID') ?? labels.get('uuid');
  if (uuid !== undefined) return uuid;
  const host = labels.get('Hostname') ?? labels.get('instance') ?? labels.get('node') ?? '';
  const gpu = labels.get('gpu') ?? labels.get('device') ?? labels.get('minor_number');
  if (gpu !== undefined) return `${host}/${gpu}`;
  return [...labels.entries()]
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

const ESCAPES: Record<string, string> = { n: '\n', '\\': '\\', '"': '"' };

/** Labels of `{a="x",b="y\"z"}` starting at `start` (the brace); returns the index after `}`. */
export function parseLabels(s: string, start: number, into: Map<string, string>): number | null {
  let i = start + 1;
  for (;;) {
    while (s[i] === ' ' || s[i] === ',') i++;
    if (s[i] === '}') return i + 1;
    const eq = s.indexOf('=', i);
    if (eq < 0) return null;
    const name = s.slice(i, eq).trim();
    i = eq + 1;
    if (s[i] !== '"') return null;
    i++;
    let value = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) {
        value += ESCAPES[s[i + 1] as string] ?? s[i + 1];
        i += 2;
      } else value += s[i++];
    }
    if (i >= s.length) return null;
    into.set(name, value);
    i++;
  }
}

export class PrometheusTextParser implements RowParser {
  untimestamped = 0;
  constructor(private readonly o: PrometheusTextOptions) {}

  accept(line: NumberedLine, emit: Emit): RowOutcome {
    const s = line.text.trimStart();
    if (s[0] === '#') return 'skip';
    const m = this.o.metric;
    const next = s[m.length];
    if (!s.startsWith(m) || (next !== '{' && next !== ' ' && next !== '\t')) return 'skip';
    const labels = new Map<string, string>();
    let i = m.length;
    if (next === '{') {
      const end = parseLabels(s, i, labels);
      if (end === null) return { column: i + 1, message: 'unterminated or malformed label set' };
      i = end;
    }
    const parts = s.slice(i).trim().split(/\s+/);
    const [valueText, tsText] = parts;
    if (valueText === undefined || valueText === '' || parts.length > 2)
      return { column: i + 1, message: 'expected a value and an optional timestamp after the metric' };
    if (/^nan$/i.test(valueText)) return 'unavailable';
    const value = Number(valueText);
    if (!Number.isFinite(value) || value < 0)
      return {
        column: s.indexOf(valueText, i) + 1,
        field: m,
        message: `expected a utilization ≥ 0, got "${excerpt(valueText)}"`,
      };
    let t = this.o.now;
    if (tsText === undefined) this.untimestamped++;
    else {
      t = Number(tsText);
      if (!Number.isInteger(t))
        return {
          column: s.lastIndexOf(tsText) + 1,
          message: `expected a timestamp in milliseconds since the epoch, got "${excerpt(tsText)}"`,
        };
    }
    emit(t, value, seriesKey(labels));
    return 'ok';
  }
}
