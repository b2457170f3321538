// A real Prometheus for the tests and the bench: a history backfilled with promtool from an
// OpenMetrics file, served from that data on a free 127.0.0.1 port, retention long enough to
// keep backfilled blocks. Debian's `prometheus` package ships both programs.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
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

/**
 * A certificate authority and a certificate it signed for 127.0.0.1, made by openssl in `dir`:
 * { ca, cert, key } paths.
 */
export function makeCertificates(dir) {
  const run = (args) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]}: ${r.stderr}`);
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=placement test CA']);
  run(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  run([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  ]);
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server.key') };
}

/** Whether the server answers ready; over TLS, trusting `ca`. */
function ready(url, ca) {
  if (ca === undefined)
    return globalThis.fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
  return new Promise((resolve) => {
    const req = httpsGet(`${url}/-/ready`, { ca: readFileSync(ca) }, (r) => {
      r.resume();
      resolve(r.statusCode === 200);
    });
    req.once('error', () => resolve(false));
  });
}

/**
 * Backfills `openMetricsFile` into `dir`/tsdb and serves it: { url, stop }. With `tls` ({ ca,
 * cert, key } from makeCertificates), served over https with that certificate.
 */
export async function startPrometheus(dir, openMetricsFile, tls) {
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
  const url = `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;
  const web = [];
  if (tls !== undefined) {
    const webConfig = join(dir, 'web.yml');
    writeFileSync(webConfig, `tls_server_config:\n  cert_file: ${tls.cert}\n  key_file: ${tls.key}\n`);
    web.push(`--web.config.file=${webConfig}`);
  }
  const server = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      '--storage.tsdb.retention.time=10y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...web,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 150; i++) {
    if (await ready(url, tls?.ca)) return { url, stop: () => server.kill() };
    await sleep(200);
  }
  server.kill();
  throw new Error('prometheus did not become ready in 30 s');
}
