import type { NumberedLine } from '../../src/input/readers/text-source.js';
import { splitLines, type TextSource } from '../../src/input/readers/text-source.js';

async function* once(text: string): AsyncGenerator<string> {
  yield text.replace(/^\uFEFF/, '');
}

/** Text as the line splitter yields it: numbered, blank lines skipped. */
export function linesOf(text: string): AsyncGenerator<NumberedLine> {
  return splitLines(once(text));
}

/** Every line, blank ones too, as csvRecords is fed. */
export function allLinesOf(text: string): AsyncGenerator<NumberedLine> {
  return splitLines(once(text), undefined, true);
}

/** An in-memory text source, as openText would give for a file with this content. */
export function sourceOf(text: string, label = 'u.csv'): TextSource {
  return { label, chunks: once(text), bytesRead: () => text.length, size: text.length, gzip: () => false };
}
