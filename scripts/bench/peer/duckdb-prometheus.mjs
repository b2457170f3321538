#!/usr/bin/env node
// The peer for Prometheus answers: DuckDB's read_json over the same query_range answer, the
// same hourly fleet statistics as duckdb-hourly.mjs (per-timestamp mean across series, hourly
// mean, then quantile_cont). Prints one JSON line. Usage: duckdb-prometheus.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// Two threads, whatever the machine: the peer the speed targets are set against.
await con.run('SET threads = 2');
const reader = await con.runAndReadAll(`
WITH doc AS (SELECT unnest(data.result) AS r
             FROM read_json('${file.replaceAll("'", "''")}', maximum_object_size = 1000000000)),
pts AS (SELECT unnest(r."values") AS p FROM doc),
samples AS (SELECT to_timestamp(CAST(p[1] AS DOUBLE)) AS ts, CAST(p[2] AS DOUBLE) AS u FROM pts),
per_ts AS (SELECT ts, avg(u) AS u FROM samples GROUP BY ts),
hourly AS (SELECT date_trunc('hour', ts) AS h, avg(u) / 100 AS u FROM per_ts GROUP BY 1)
SELECT count(*)::INTEGER AS hours, avg(u) AS mean, quantile_cont(u, 0.2) AS p20,
       quantile_cont(u, 0.5) AS p50, quantile_cont(u, 0.95) AS p95 FROM hourly`);
console.log(JSON.stringify(reader.getRowObjectsJson()[0]));
