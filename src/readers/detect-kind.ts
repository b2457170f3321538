/** What an input file holds, from its header: utilization history, token history or a FOCUS bill. */
export type InputKind = 'utilization' | 'tokens' | 'billing';

export function detectKind(head: string): InputKind {
  const first = (head.trimStart().split('\n', 1)[0] ?? '').toLowerCase();
  if (/(^|[,\t"])\s*chargeperiodstart/.test(first)) return 'billing';
  if (/(^|[,\t"])\s*((total_?)?tokens|contexttokens|(context|prompt|input)_tokens)\s*("|,|\t|$)/.test(first)) return 'tokens';
  return 'utilization';
}
