/** One measured value against a threshold, as the report shows every condition and trigger. */
export type Comparator = '>=' | '>' | '<=' | '<';

export interface Check {
  metric: string;
  value: number | null;
  comparator: Comparator;
  threshold: number;
}

export type Status = 'met' | 'not-met' | 'unknown';

export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
  }
}

/** All checks pass → met; any fails → not-met; otherwise (a value unknown) → unknown. */
export function statusOf(checks: ReadonlyArray<Check>): Status {
  if (checks.some((c) => c.value !== null && !compare(c.value, c.comparator, c.threshold))) return 'not-met';
  return checks.every((c) => c.value !== null) ? 'met' : 'unknown';
}
