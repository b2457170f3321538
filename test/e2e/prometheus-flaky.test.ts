import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { REPO, type CliResult } from '../helpers/cli.js';

// A tiny HTTP server of the test's own, on a free 127.0.0.1 port, playing a store that is busy,
// then partial, then wrong: the built command's retries, warnings, credentials and messages.
const dir = mkdtempSync(join(tmpdir(), 'placement-flaky-'));
let server: Server;
let url = '';
let mode: 'busy-then-partial' | 'error-body' | 'cut-then-gzip' = 'busy-then-partial';
let calls = 0;
const seen: Array<{ authorization?: string; tenant?: string }> = [];

function answer(req: IncomingMessage, body: string): { status: number; text: string } {
  calls++;
  seen.push({ authorization: req.headers.authorization, tenant: req.headers['x-scope-orgid'] as string | undefined });
  if (mode === 'error-body')
    return {
      status: 422,
      text: '{"status":"error","errorType":"execution","error":"query timed out in expression evaluation"}',
    };
  if (calls <= 2 && mode === 'busy-then-partial') return { status: 429, text: 'too many requests' };
  const p = new URLSearchParams(body);
  const values: string[] = [];
  for (let t = Number(p.get('start')); t <= Number(p.get('end')); t += 3600)
    values.push(`[${t},"${p.get('query')!.startsWith('count') ? 4 : 40 + ((t / 3600) % 20)}"]`);
  return {
    status: 200,
    text: `{"status":"success","warnings":["store-gateway-2 did not answer"],"data":{"resultType":"matrix","result":[{"metric":{},"values":[${values.join(',')}]}]}}`,
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { status, text } = answer(req, body);
      if (mode === 'cut-then-gzip') {
        // The first answer stops half-way (the connection lost); the others come gzipped.
        if (calls === 1) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write(text.slice(0, text.length >> 1));
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        }
        if (/gzip/.test(String(req.headers['accept-encoding']))) {
          res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(text));
          return;
        }
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const scenario = (): string => {
  const file = join(dir, 's.yaml');
  writeFileSync(
    file,
    `schemaVersion: 1\nname: flaky\nwindow: {days: 7}\nworkload:\n  referenceGpus: 4\n  utilization:\n    prometheus:\n      url: ${url}\n      headers: {X-Scope-OrgID: {env: TENANT}}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
  );
  return file;
};
const env = { PLACEMENT_PROMETHEUS_TOKEN: 'secret-token-4711', TENANT: 'team-a' };

/** The built command, spawned without blocking: this process's server must answer it meanwhile. */
function cli(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'placement.js'), ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a store that is busy, partial, then refuses', () => {
  test('429 twice is tried again; an answer with a warning is read and the warning kept; credentials sent, never shown', async () => {
    mode = 'busy-then-partial';
    calls = 0;
    seen.length = 0;
    const r = await cli(['analyze', scenario(), '--json'], { env });
    expect(r.code).toBe(0);
    expect(calls).toBe(4); // two 429s, the answer, the GPU count
    expect(seen.every((s) => s.authorization === 'Bearer secret-token-4711' && s.tenant === 'team-a')).toBe(true);
    const report = JSON.parse(r.stdout);
    expect(report.utilization.input).toMatchObject({ format: 'prometheus-api', gpus: 4, samples: 7 * 24 });
    expect(report.warnings.map((w: { message: string }) => w.message)).toContain(
      `${url} warned: store-gateway-2 did not answer`,
    );
    expect(r.stdout).not.toContain('secret-token-4711');
    expect(r.stdout).not.toContain('team-a');
  });
  test('an error body: the store’s message, one line, exit 2', async () => {
    mode = 'error-body';
    const r = await cli(['analyze', scenario(), '--json'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `placement: ${url}: the Prometheus query failed: query timed out in expression evaluation`,
    );
  });
  test('a tenant variable that is not set: exit 2 naming it', async () => {
    const r = await cli(['analyze', scenario(), '--json'], { env: { PLACEMENT_PROMETHEUS_TOKEN: 'x' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the environment has no TENANT to send as X-Scope-OrgID');
  });
  test('--prometheus points a scenario at another store', async () => {
    mode = 'busy-then-partial';
    calls = 2; // past the busy answers
    const file = join(dir, 'file.yaml');
    writeFileSync(
      file,
      'schemaVersion: 1\nname: other\nwindow: {days: 2}\nworkload:\n  referenceGpus: 4\n  utilization: {assumed: 0.5}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n',
    );
    const r = await cli(['analyze', file, '--prometheus', url, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).utilization.input).toMatchObject({ format: 'prometheus-api', samples: 48 });
  });
  test('an answer cut short is asked again and not counted twice; gzip is read; credentials in the address sent as basic', async () => {
    mode = 'cut-then-gzip';
    calls = 0;
    seen.length = 0;
    const file = join(dir, 'basic.yaml');
    const [scheme, rest] = url.split('//');
    writeFileSync(
      file,
      `schemaVersion: 1\nname: basic\nwindow: {days: 7}\nworkload:\n  referenceGpus: 4\n  utilization: {prometheus: {url: "${scheme}//reader:pw-31337@${rest}"}}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
    );
    const r = await cli(['analyze', file, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(calls).toBe(3); // the answer cut short, the GPU count, the answer again
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from('reader:pw-31337').toString('base64')}`);
    expect(JSON.parse(r.stdout).utilization.input).toMatchObject({ source: url, samples: 7 * 24, gpus: 4 });
    expect(r.stdout).not.toContain('pw-31337');
  });
});
