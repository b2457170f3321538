/** Whether `prometheus` and `promtool` are installed. */
export function prometheusInstalled(): boolean;
export function freePort(): Promise<number>;
export interface Certificates {
  ca: string;
  cert: string;
  key: string;
}
/** A CA and a certificate it signed for 127.0.0.1, made by openssl in `dir`. */
export function makeCertificates(dir: string): Certificates;
/** Backfills `openMetricsFile` into `dir`/tsdb and serves it on a free 127.0.0.1 port (https with `tls`). */
export function startPrometheus(
  dir: string,
  openMetricsFile: string,
  tls?: Certificates,
): Promise<{ url: string; stop: () => void }>;
