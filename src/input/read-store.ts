/**
 * Utilization from a metrics store as a file's reading is given: the hours, a summary (what
 * `inspect` shows and the report's input block) and the warnings — the store's own, and gaps.
 */
import { MS_PER_HOUR } from '../model/units.js';
import type { Warning } from '../model/warning.js';
import { gapWarnings, type UtilizationRead } from './read-utilization.js';
import {
  readPrometheusApi,
  storeLabel,
  type PrometheusApiOptions,
  type PrometheusApiSource,
} from './readers/prometheus-api.js';

export async function readStore(source: PrometheusApiSource, o: PrometheusApiOptions): Promise<UtilizationRead> {
  const label = storeLabel(source.url);
  const read = await readPrometheusApi(source, o);
  const c = read.collector;
  const hours = c.hourly.finish(read.unit === 'percent' ? 0.01 : 1);
  const notes: Warning[] = read.notes.map((note) => ({ code: 'store-note', args: { file: label, note } }));
  return {
    hours,
    summary: {
      source: label,
      format: 'prometheus-api',
      gzip: false,
      unit: read.unit,
      rows: read.points,
      samples: read.points,
      badRows: 0,
      unavailableRows: 0,
      badExamples: [],
      gpus: read.gpus ?? 0,
      // The hours the store averaged: their starts.
      first: c.first,
      last: c.last,
      resolutionMs: MS_PER_HOUR,
      outOfOrder: 0,
      duplicates: 0,
      untimestamped: 0,
      lateSamples: 0,
    },
    warnings: [...notes, ...gapWarnings(hours, label)],
  };
}
