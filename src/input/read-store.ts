/**
 * Utilization from a metrics store as a file's reading is given: the hours, a summary (what
 * `inspect` shows and the report's input block) and the warnings — the store's own, and gaps.
 */
import { X509Certificate } from 'node:crypto';
import { describeReadError, InputError } from '../errors.js';
import type { Warning } from '../model/warning.js';
import { gapWarnings, type UtilizationRead } from './read-utilization.js';
import {
  readPrometheusApi,
  storeLabel,
  type PrometheusApiOptions,
  type PrometheusApiSource,
} from './readers/prometheus-api.js';
import { readBounded } from './readers/read-bounded.js';

/** A CA bundle is a few certificates: a file larger than this is not one. */
const MAX_CA_BYTES = 1024 * 1024;

export { storeLabel };

export interface StoreOptions extends Omit<PrometheusApiOptions, 'ca'> {
  /** The CA file to trust for the store's certificate: its path, and its name in messages. */
  caFile?: { path: string; label: string } | undefined;
}

export async function readStore(source: PrometheusApiSource, o: StoreOptions): Promise<UtilizationRead> {
  const label = storeLabel(source.url);
  const ca = o.caFile === undefined ? undefined : await readCa(o.caFile.path, o.caFile.label);
  const read = await readPrometheusApi(source, { ...o, ca });
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
      // The starts of the first and the last step the store averaged.
      first: c.first,
      last: c.last,
      resolutionMs: c.resolutionMs ?? read.stepMs,
      outOfOrder: 0,
      duplicates: 0,
      untimestamped: 0,
      lateSamples: 0,
    },
    warnings: [...notes, ...gapWarnings(hours, label)],
  };
}

/** The PEM certificates of a CA file, each checked to be one. */
async function readCa(path: string, label: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(path, MAX_CA_BYTES);
  } catch (err) {
    throw new InputError({ file: label, message: describeReadError(err) });
  }
  if (bytes.length > MAX_CA_BYTES)
    throw new InputError({ file: label, message: 'is larger than 1 MiB: not a CA certificate file' });
  const blocks = bytes.toString('latin1').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    throw new InputError({
      file: label,
      message: 'holds no certificate: expected PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----',
    });
  blocks.forEach((block, i) => {
    try {
      new X509Certificate(block);
    } catch {
      throw new InputError({ file: label, message: `certificate ${i + 1} of ${blocks.length} cannot be read (PEM)` });
    }
  });
  return blocks.join('\n');
}
