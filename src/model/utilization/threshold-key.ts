/** The key a utilization level has in the report's maps: 0.4 → "0.4" (docs/model.md). */
export const thresholdKey = (level: number): string => String(level);

/** docs/model.md: sustainedDays always carries 0.4–0.7, plus one key per scenario threshold. */
export const ALWAYS_REPORTED_LEVELS = [0.4, 0.5, 0.6, 0.7] as const;

export function reportedLevels(thresholds: ReadonlyArray<number>): number[] {
  return [...new Set([...ALWAYS_REPORTED_LEVELS, ...thresholds])].sort((a, b) => a - b);
}
