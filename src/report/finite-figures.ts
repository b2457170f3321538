import { InputError } from '../errors.js';

/**
 * Whether the report holds a number that is not finite. Inputs within their bounds keep every
 * figure finite; this is the last guard that a price of 1e300 or a count of 400 digits can never
 * print "∞" or "NaN" as a result. (A walk that named the path of every figure it passed
 * allocated more than the report itself, at every run.)
 */
export function holdsNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsNonFinite(value[i])) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (holdsNonFinite(record[key])) return true;
  return false;
}

/** Refuse, as the user's input, figures that overflowed (exit 2 rather than "$∞" in a table). */
export function assertFiniteFigures(value: unknown, file: string): void {
  if (holdsNonFinite(value)) {
    throw new InputError({
      file,
      message:
        'the results cannot be computed (they overflow): a price, a volume or a rate in the inputs is far beyond any real one',
    });
  }
}
