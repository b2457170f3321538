/**
 * The instants a history may hold. GPU telemetry before 2000 or after 2099 is a misread unit
 * (microseconds taken for seconds, a counter taken for a time), and far-out values break date
 * arithmetic; such a time is refused where it is read.
 */
export const EARLIEST_TIME_MS = Date.UTC(2000, 0, 1);
export const LATEST_TIME_MS = Date.UTC(2100, 0, 1);

/** The range as a message names it. */
export const TIME_RANGE_TEXT = 'between 2000 and 2099';

export function inTimeRange(epochMs: number): boolean {
  return epochMs >= EARLIEST_TIME_MS && epochMs < LATEST_TIME_MS;
}
