import type { NumberedLine } from '../../src/readers/line-source.js';

/** Text as the line source would yield it: numbered, blank lines skipped. */
export async function* linesOf(text: string): AsyncGenerator<NumberedLine> {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < all.length; i++) if ((all[i] as string).trim() !== '') yield { text: all[i] as string, number: i + 1 };
}
