#!/usr/bin/env node
// A Prometheus query_range answer for the benchmark: 8 GPUs' DCGM_FI_DEV_GPU_UTIL every 15 s,
// POINTS points in all, as /api/v1/query_range returns it. Usage: generate-prometheus.mjs POINTS FILE
import { createWriteStream } from 'node:fs';

const points = Number(process.argv[2]);
const out = createWriteStream(process.argv[3]);
const gpus = 8;
const perSeries = Math.ceil(points / gpus);
const start = Date.UTC(2026, 7, 1) / 1000;
const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
await write('{"status":"success","data":{"resultType":"matrix","result":[');
for (let g = 0; g < gpus; g++) {
  await write(
    `${g ? ',' : ''}{"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","gpu":"${g}","Hostname":"node-1"},"values":[`,
  );
  for (let i = 0; i < perSeries; i += 10_000) {
    const batch = [];
    for (let k = i; k < Math.min(i + 10_000, perSeries); k++)
      batch.push(`[${start + k * 15},"${(k * 7 + g * 13) % 101}"]`);
    await write((i ? ',' : '') + batch.join(','));
  }
  await write(']}');
}
await write(']}}');
out.end();
