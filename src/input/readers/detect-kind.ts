import { isTokenHeader } from './tokens-csv.js';

/** What an input file holds, from its header: utilization history, token history or a FOCUS bill. */
export type InputKind = 'utilization' | 'tokens' | 'billing';

export function detectKind(head: string): InputKind {
  const first = (head.trimStart().split('\n', 1)[0] ?? '').replace(/\r$/, '');
  if (/(^|[,\t"])\s*chargeperiodstart/i.test(first)) return 'billing';
  if (isTokenHeader(first)) return 'tokens'; // the token reader's own column names
  return 'utilization';
}
