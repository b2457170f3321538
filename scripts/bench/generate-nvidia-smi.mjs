#!/usr/bin/env node
// Writes a synthetic per-GPU nvidia-smi export (`--query-gpu=timestamp,index,utilization.gpu,
// memory.used --format=csv -l N`) with a known shape: GPUs interleaved per timestamp, 10-second
// sampling, a daily swing. Usage: generate-nvidia-smi.mjs ROWS FILE [GPUS]
import { createWriteStream } from 'node:fs';

const [rowsArg, file, gpusArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const gpus = Number(gpusArg ?? 8);
const out = createWriteStream(file);
const T0 = Date.UTC(2026, 7, 1);
const pad = (n, w = 2) => String(n).padStart(w, '0');
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

let buf = 'timestamp, index, utilization.gpu [%], memory.used [MiB]\n';
for (let i = 0; i < rows; i++) {
  const step = Math.floor(i / gpus);
  const g = i % gpus;
  const t = new Date(T0 + step * 10_000 + g * 3);
  const hour = t.getUTCHours();
  const u = Math.max(0, Math.min(100, Math.round(55 + 25 * Math.sin((hour / 24) * 2 * Math.PI) + (rand() - 0.5) * 30)));
  buf += `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())} ${pad(hour)}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}, ${g}, ${u} %, ${30000 + u * 20} MiB\n`;
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
    buf = '';
  }
}
out.end(buf);
await new Promise((r) => out.on('finish', r));
