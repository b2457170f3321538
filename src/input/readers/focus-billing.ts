/**
 * A FOCUS billing export (FinOps Open Cost and Usage Specification): per calendar month (UTC, by
 * ChargePeriodStart) the data transfer in GB and its cost, the GPU compute spend and the total.
 * Providers leave columns out: only ChargePeriodStart and a cost column are required.
 *
 * - Cost is EffectiveCost (amortized, after discounts; FOCUS puts commitment purchases at 0 there
 *   and spreads them over usage), else BilledCost. Null cells (empty, `null`, `NULL`) count as 0.
 * - Times without a zone are UTC, as FOCUS defines them.
 * - Internet egress: a GB row (ServiceCategory "Networking" where there is one) whose description
 *   or SKU speaks of data going out to the internet — not data coming in, nor transfer between
 *   regions or zones, which the egress share must not count.
 * - GPU compute: rows whose SKU, description, resource type or name matches `gpuPattern`.
 */
import type { BillingMonth } from '../../model/signals/billing-reconciliation.js';
import { excerpt, InputError } from '../../errors.js';
import { parseTimestamp } from './parse-timestamp.js';
import { findColumn, splitFields, type Field } from './csv-fields.js';
import {
  checkBadRows,
  emptyCounts,
  readRows,
  type Emit,
  type RowCounts,
  type RowOutcome,
  type RowParser,
} from './row-reader.js';
import { csvRecords, splitLines, type NumberedLine, type TextSource } from './text-source.js';
import { compileGpuPattern, type GpuMatcher } from './gpu-pattern.js';

/** Accelerated instance families and GPU names as the big clouds bill them. */
export const DEFAULT_GPU_PATTERN =
  '\\bgpu|\\bp[345][a-z]*\\.|\\bg[456][a-z]*\\.|\\bnd[0-9]|\\bnc[0-9].*(a100|h100|t4)|\\ba[23]-(high|mega|ultra)gpu|\\ba100|\\bh100|\\bh200|\\bl40s|\\bl4\\b|\\bb200';

/** Data going out to the internet, as the big clouds describe it. */
const INTERNET_OUT = /transfer out|data ?out\b|internet|egress|outbound|-out-bytes/i;
/** Data coming in, or moving between regions or zones: not internet egress. */
const NOT_INTERNET =
  /transfer in\b|\bin per month|inbound|ingress|-in-bytes|transfer from\b|transfer to\b|regional|between|inter-?region|inter-?zone|cross-?(az|zone|region)|\baz\b/i;
const GB_UNIT = /^(gb|gib|gigabytes?)$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type { BillingMonth };

export interface BillingRead {
  months: BillingMonth[];
  costColumn: string;
  /** BillingCurrency of the first row that has one; null when the export leaves it out. */
  currency: string | null;
  counts: RowCounts;
}

interface Cols {
  currency: number;
  start: number;
  cost: number;
  category: number;
  unit: number;
  quantity: number;
  describing: number[];
}

const cell = (fields: Field[], i: number): string => {
  if (i < 0) return '';
  const v = (fields[i]?.value ?? '').trim();
  return v.toLowerCase() === 'null' ? '' : v;
};

export class FocusParser implements RowParser {
  private cols: Cols | null = null;
  private names: string[] = [];
  costColumn = 'EffectiveCost';
  currency: string | null = null;
  private readonly gpu: GpuMatcher;

  constructor(
    private readonly file: string,
    gpuPattern: string,
  ) {
    this.gpu = compileGpuPattern(gpuPattern);
  }

  accept(line: NumberedLine, emit: Emit): RowOutcome {
    const fields = splitFields(line.text);
    if (this.cols === null) {
      const col = (name: string): number => findColumn(fields, new RegExp(`^${name}$`, 'i'));
      const effective = col('EffectiveCost');
      const cost = effective >= 0 ? effective : col('BilledCost');
      this.costColumn = effective >= 0 ? 'EffectiveCost' : 'BilledCost';
      const start = col('ChargePeriodStart');
      if (start < 0 || cost < 0) {
        throw new InputError({
          file: this.file,
          line: line.number,
          message: 'not a FOCUS export: expected ChargePeriodStart and EffectiveCost (or BilledCost) columns',
        });
      }
      this.names = fields.map((f) => f.value);
      this.cols = {
        currency: col('BillingCurrency'),
        start,
        cost,
        category: col('ServiceCategory'),
        unit: col('ConsumedUnit'),
        quantity: col('ConsumedQuantity'),
        describing: [
          'SkuId',
          'SkuMeter',
          'SkuPriceId',
          'ChargeDescription',
          'ResourceType',
          'ResourceName',
          'ServiceName',
          'x_InstanceType',
        ]
          .map(col)
          .filter((i) => i >= 0),
      };
      return 'skip';
    }
    const c = this.cols;
    const startText = cell(fields, c.start);
    const t = /^\d{4}-\d{2}-\d{2}/.test(startText) ? parseTimestamp(startText, 'UTC') : null;
    if (t === null)
      return {
        column: fields[c.start]?.column,
        field: 'ChargePeriodStart',
        message: `expected an ISO 8601 date-time, got "${excerpt(startText)}"`,
      };
    const costText = cell(fields, c.cost);
    if (costText !== '' && !NUMBER.test(costText))
      return {
        column: fields[c.cost]?.column,
        field: this.names[c.cost],
        message: `expected a cost, got "${excerpt(costText)}"`,
      };
    const quantityText = cell(fields, c.quantity);
    if (quantityText !== '' && !NUMBER.test(quantityText))
      return {
        column: fields[c.quantity]?.column,
        field: 'ConsumedQuantity',
        message: `expected a quantity, got "${excerpt(quantityText)}"`,
      };
    const cost = costText === '' ? 0 : Number(costText);
    if (this.currency === null && /^[A-Z]{3}$/.test(cell(fields, c.currency))) this.currency = cell(fields, c.currency);
    const described = c.describing.map((i) => cell(fields, i)).join(' ');
    const category = cell(fields, c.category);
    const gb = GB_UNIT.test(cell(fields, c.unit));
    const transfer =
      gb &&
      (category === '' || /^networking$/i.test(category)) &&
      INTERNET_OUT.test(described) &&
      !NOT_INTERNET.test(described);
    // One emit per row: the series name says which bucket the amount belongs to.
    emit(t, cost, 'total');
    if (transfer) {
      emit(t, cost, 'transferCost');
      emit(t, quantityText === '' ? 0 : Number(quantityText), 'transferGB');
    } else if (this.gpu.test(described)) emit(t, cost, 'gpuComputeCost');
    return 'ok';
  }
}

export async function readFocus(src: TextSource, gpuPattern: string, maxBadRowFraction: number): Promise<BillingRead> {
  const months = new Map<string, BillingMonth>();
  const parser = new FocusParser(src.label, gpuPattern);
  const counts = emptyCounts();
  const add = (t: number, amount: number, bucket: string | number): void => {
    const month = new Date(t).toISOString().slice(0, 7);
    let m = months.get(month);
    if (m === undefined) {
      m = { month, transferGB: 0, transferCost: 0, gpuComputeCost: 0, totalCost: 0 };
      months.set(month, m);
    }
    if (bucket === 'total') m.totalCost += amount;
    else m[bucket as 'transferGB' | 'transferCost' | 'gpuComputeCost'] += amount; // the parser names the bucket
  };
  await readRows(csvRecords(splitLines(src.chunks, src.label, true)), parser, add, counts);
  checkBadRows(counts, src.label, maxBadRowFraction);
  if (months.size === 0)
    throw new InputError({ file: src.label, message: 'no billing rows: the file has a header but no data' });
  return {
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    costColumn: parser.costColumn,
    currency: parser.currency,
    counts,
  };
}
