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
