/** The resolution asked of a metrics store: a duration an hour holds a whole number of times. */

/** `15s`, `5m`, `1h`, … in seconds; null when not a duration of seconds, minutes or hours. */
export function stepSeconds(step: string): number | null {
  const m = /^([1-9][0-9]{0,4})([smh])$/.exec(step);
  if (m === null) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
}

/** Steps the hourly model can use: an hour holds a whole number of them. */
export const stepFitsHours = (seconds: number): boolean => seconds <= 3600 && 3600 % seconds === 0;

export const STEP_EXAMPLES = '15s, 30s, 1m, 5m, 15m or 1h';
