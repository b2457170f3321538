/** Whether `prometheus` and `promtool` are installed. */
export function prometheusInstalled(): boolean;
export function freePort(): Promise<number>;
/** Backfills `openMetricsFile` into `dir`/tsdb and serves it on a free 127.0.0.1 port. */
export function startPrometheus(dir: string, openMetricsFile: string): Promise<{ url: string; stop: () => void }>;
