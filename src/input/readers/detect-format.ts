/** Which utilization format a file is, from its first lines (docs/model.md `format: auto`). */
export const UTILIZATION_FORMAT_NAMES = ['csv', 'nvidia-smi', 'prometheus-json', 'prometheus-text'] as const;
export type UtilizationFormatName = (typeof UTILIZATION_FORMAT_NAMES)[number];

const METRIC_LINE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?\s+[-+]?(\d|\.\d|NaN|Inf)/i;
const NVIDIA_TIME = /(^|,)\s*\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/;

/**
 * `nvidia-smi dmon` (and `pmon`) print a table for people: `# gpu   pwr gtemp …   sm   mem …`,
 * with `#Date`/`#Time` in front when asked. It starts with "#" like Prometheus text, but is not.
 */
const DMON_HEADER = /^#\s*(?:(?:Date|Time)\s+)*gpu\s+[a-z]+\s/i;

export function isNvidiaSmiMonitor(head: string): boolean {
  return DMON_HEADER.test(head.trimStart());
}

export function detectUtilizationFormat(head: string): UtilizationFormatName {
  const text = head.trimStart();
  if (text.startsWith('{')) return 'prometheus-json';
  const first = text.split('\n', 1)[0] ?? '';
  // Labels may hold commas ({gpu="0",UUID="…"}); a CSV line has them outside any braces.
  if (first.startsWith('#') || (METRIC_LINE.test(first) && !first.replace(/\{.*\}/, '').includes(',')))
    return 'prometheus-text';
  if (first.includes('utilization.gpu') || NVIDIA_TIME.test(first)) return 'nvidia-smi';
  return 'csv';
}

/** The start of a text stream (at least its first line) and the whole stream again. */
export async function peekText(
  chunks: AsyncIterable<string>,
): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  const taken: string[] = [];
  let head = '';
  while (!head.includes('\n') && head.length < 65_536) {
    const r = await it.next();
    if (r.done) break;
    taken.push(r.value);
    head += r.value;
  }
  async function* again(): AsyncGenerator<string> {
    yield* taken;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, chunks: again() };
}

/** The start of a byte stream decoded (at least its first line) and the whole stream again. */
export async function peekBytes(bytes: AsyncIterable<Buffer>): Promise<{ head: string; bytes: AsyncIterable<Buffer> }> {
  const it = bytes[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  while (size < 65_536 && !taken.some((b) => b.includes(10))) {
    const r = await it.next();
    if (r.done) break;
    taken.push(Buffer.from(r.value)); // a copy: the source may reuse its buffer for the next chunk
    size += r.value.length;
  }
  async function* again(): AsyncGenerator<Buffer> {
    yield* taken;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head: Buffer.concat(taken).toString('utf8'), bytes: again() };
}
