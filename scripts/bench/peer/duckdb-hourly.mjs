#!/usr/bin/env node
// The peer to beat: DuckDB computing the same hourly fleet statistics (MODEL.md §2) from the
// same nvidia-smi CSV: per-timestamp mean across GPUs, hourly mean, then quantile_cont.
// Prints one JSON line. Usage: duckdb-hourly.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// Two threads, whatever the machine: the peer the speed targets are set against.
await con.run('SET threads = 2');
const reader = await con.runAndReadAll(`
WITH samples AS (
  SELECT strptime(trim("timestamp"), '%Y/%m/%d %H:%M:%S.%g') AS ts,
         CAST(trim(replace("utilization.gpu [%]", '%', '')) AS DOUBLE) AS u
  FROM read_csv('${file.replaceAll("'", "''")}', header = true, delim = ',', all_varchar = true)
), per_ts AS (SELECT ts, avg(u) AS u FROM samples GROUP BY ts),
hourly AS (SELECT date_trunc('hour', ts) AS h, avg(u) / 100 AS u FROM per_ts GROUP BY 1)
SELECT count(*)::INTEGER AS hours, avg(u) AS mean, quantile_cont(u, 0.2) AS p20,
       quantile_cont(u, 0.5) AS p50, quantile_cont(u, 0.95) AS p95 FROM hourly`);
console.log(JSON.stringify(reader.getRowObjectsJson()[0]));
