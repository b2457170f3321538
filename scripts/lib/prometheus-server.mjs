// A real Prometheus for the tests and the bench: a history backfilled with promtool from an
// OpenMetrics file, served from that data on a free 127.0.0.1 port, retention long enough to
// keep backfilled blocks. Debian's `prometheus` package ships both programs.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether `prometheus` and `promtool` are installed. */
export const prometheusInstalled = () =>
  ['prometheus', 'promtool'].every((tool) => spawnSync(tool, ['--version']).status === 0);

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Backfills `openMetricsFile` into `dir`/tsdb and serves it: { url, stop }. */
export async function startPrometheus(dir, openMetricsFile) {
  const tsdb = join(dir, 'tsdb');
  const fill = spawnSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=744h', openMetricsFile, tsdb],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (fill.status !== 0) throw new Error(`promtool: ${fill.stderr}`);
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      '--storage.tsdb.retention.time=10y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 150; i++) {
    const ready = await globalThis.fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, stop: () => server.kill() };
    await sleep(200);
  }
  server.kill();
  throw new Error('prometheus did not become ready in 30 s');
}
