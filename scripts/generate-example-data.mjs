#!/usr/bin/env node
// Regenerates scenarios/data/*.csv: synthetic but realistic histories for the bundled example
// scenarios, deterministic (seeded), so the examples' verdicts are stable. Run:
//   node scripts/generate-example-data.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = new URL('../scenarios/data/', import.meta.url).pathname;
const END = Date.UTC(2026, 10, 16); // histories end 2026-11-15 23:00 UTC
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, well-known seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1) =>
    mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

const clip = (x, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const diurnal = (ms, peakHourUtc) => Math.cos((2 * Math.PI * (new Date(ms).getUTCHours() - peakHourUtc)) / 24);
const weekend = (ms) => [0, 6].includes(new Date(ms).getUTCDay());

function write(name, header, rows) {
  writeFileSync(join(OUT, name), `${header}\n${rows.join('\n')}\n`);
  console.log(`${name}: ${rows.length} rows`);
}

/** Fleet utilization samples every `stepMs` over `days`, from f(ms, r) → fraction. */
function utilization(days, stepMs, seed, f) {
  const r = rng(seed);
  const rows = [];
  for (let t = END - days * DAY; t < END; t += stepMs) rows.push([t, clip(f(t, r))]);
  return rows;
}

/** Daily token totals over `days`, from f(dayStartMs, r) → tokens. */
function dailyTokens(days, seed, f) {
  const r = rng(seed);
  const rows = [];
  for (let t = END - days * DAY; t < END; t += DAY) rows.push(`${isoDate(t)},${Math.round(Math.max(0, f(t, r)))}`);
  return rows;
}

mkdirSync(OUT, { recursive: true });

// Experimental copilot: busy in office hours on weekdays, nearly idle otherwise; 45 days, percent.
write(
  'experimental-copilot-util.csv',
  'timestamp,utilization',
  utilization(45, HOUR, 1, (t, r) => {
    const h = new Date(t).getUTCHours();
    const office = !weekend(t) && h >= 13 && h < 22;
    return office ? r.normal(0.45, 0.15) : r.normal(0.03, 0.02);
  }).map(([t, u]) => `${iso(t)},${(u * 100).toFixed(1)}`),
);

// Stable high volume: 15-minute samples for 120 days, high and flat with a mild daily swing.
write(
  'stable-high-volume-util.csv',
  'timestamp,utilization',
  utilization(120, HOUR / 4, 2, (t, r) => 0.72 + 0.07 * diurnal(t, 15) + r.normal(0, 0.03)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(4)}`,
  ),
);
write(
  'stable-high-volume-tokens.csv',
  'timestamp,tokens',
  dailyTokens(120, 3, (t, r) => 2.4e9 * (weekend(t) ? 0.92 : 1) * (1 + r.normal(0, 0.04))),
);

// Multi-region: follow-the-sun load, naive local timestamps in Europe/Berlin (crosses the DST end).
const berlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' });
write(
  'multi-region-util.csv',
  'timestamp,utilization',
  utilization(40, HOUR, 4, (t, r) => 0.55 + 0.15 * diurnal(t, 12) + r.normal(0, 0.04)).map(
    ([t, u]) => `${berlin.format(new Date(t))},${(u * 100).toFixed(0)}`,
  ),
);

// Agentic workflows: moderate base load with loop-driven spikes; token volume swings day to day.
write(
  'agentic-util.csv',
  'timestamp,utilization',
  utilization(60, HOUR, 5, (t, r) => (r.next() < 0.08 ? r.normal(0.95, 0.04) : r.normal(0.42, 0.1))).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
write(
  'agentic-tokens.csv',
  'timestamp,tokens',
  dailyTokens(60, 6, (t, r) => 6e8 * Math.exp(r.normal(0, 0.45))),
);

// RAG-heavy enterprise: business-day pattern around 52 %, stable tokens.
write(
  'rag-enterprise-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 7, (t, r) => 0.53 + 0.1 * diurnal(t, 14) - (weekend(t) ? 0.05 : 0) + r.normal(0, 0.03)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
write(
  'rag-enterprise-tokens.csv',
  'timestamp,tokens',
  dailyTokens(90, 8, (t, r) => 9e8 * (weekend(t) ? 0.8 : 1) * (1 + r.normal(0, 0.05))),
);

// Burst: a low baseline with campaign days at full load; tokens follow the campaigns.
const campaignDays = new Set();
{
  const r = rng(9);
  for (let t = END - 90 * DAY; t < END; t += DAY) if (r.next() < 0.15) campaignDays.add(isoDate(t));
}
write(
  'burst-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 10, (t, r) => (campaignDays.has(isoDate(t)) ? r.normal(0.9, 0.05) : r.normal(0.28, 0.06))).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
write(
  'burst-tokens.csv',
  'timestamp,tokens',
  dailyTokens(90, 11, (t, r) => (campaignDays.has(isoDate(t)) ? 4.5e9 : 1.1e9) * (1 + r.normal(0, 0.06))),
);

// High volume near the repatriation threshold: steady around 80 % for 120 days, stable tokens.
write(
  'repatriation-util.csv',
  'timestamp,utilization',
  utilization(120, HOUR, 12, (t, r) => 0.8 + 0.05 * diurnal(t, 16) + r.normal(0, 0.02)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
write(
  'repatriation-tokens.csv',
  'timestamp,tokens',
  dailyTokens(120, 13, (t, r) => 3.1e9 * (1 + 0.0005 * ((t - END) / DAY)) * (1 + r.normal(0, 0.05))),
);

// A model portfolio on one fleet (scenarios/model-portfolio.yaml), 90 days hourly: two steady
// high-volume models peaking in different time zones, a sovereign model, an agentic one and an
// experiment.
write(
  'portfolio-chat-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 21, (t, r) => 0.66 + 0.14 * diurnal(t, 17) + r.normal(0, 0.03)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
write(
  'portfolio-search-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 22, (t, r) => 0.7 + 0.12 * diurnal(t, 9) + r.normal(0, 0.03)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
// A sovereign model (clinical notes, regulated data): steady in European office hours.
write(
  'portfolio-clinical-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 23, (t, r) => 0.5 + (weekend(t) ? -0.15 : 0.12 * diurnal(t, 10)) + r.normal(0, 0.03)).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
// An agentic model: tool-calling runs in bursts of a few hours, at any time of day.
write(
  'portfolio-agent-util.csv',
  'timestamp,utilization',
  (() => {
    let burst = 0;
    return utilization(90, HOUR, 25, (t, r) => {
      if (burst > 0) burst -= 1;
      else if (r.next() < 0.04) burst = 2 + Math.floor(r.next() * 5);
      return burst > 0 ? r.normal(0.75, 0.1) : r.normal(0.12, 0.04);
    });
  })().map(([t, u]) => `${iso(t)},${u.toFixed(3)}`),
);
write(
  'portfolio-agent-tokens.csv',
  'timestamp,tokens',
  dailyTokens(90, 26, (t, r) => 4.0e8 * Math.exp(r.normal(0, 0.45))),
);
write(
  'portfolio-experiment-util.csv',
  'timestamp,utilization',
  utilization(90, HOUR, 24, (t, r) => (r.next() < 0.05 ? r.normal(0.6, 0.1) : r.normal(0.06, 0.03))).map(
    ([t, u]) => `${iso(t)},${u.toFixed(3)}`,
  ),
);
