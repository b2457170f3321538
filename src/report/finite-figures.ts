import { InputError } from '../errors.js';

/**
 * Where the report holds a number that is not finite, as a dotted path; null when none does.
 * Inputs within their bounds keep every figure finite; this is the last guard that a price of
 * 1e300 or a count of 400 digits can never print "∞" or "NaN" as a result.
 */
export function firstNonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const found = firstNonFinite(v, Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** Refuse, as the user's input, figures that overflowed (exit 2 rather than "$∞" in a table). */
export function assertFiniteFigures(value: unknown, file: string): void {
  if (firstNonFinite(value) !== null) {
    throw new InputError({
      file,
      message:
        'the results cannot be computed (they overflow): a price, a volume or a rate in the inputs is far beyond any real one',
    });
  }
}
