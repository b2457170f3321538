// What both DuckDB peers compute once their samples (ts, u in percent) are read: the hourly fleet
// statistics the tool computes (docs/model.md) — per-timestamp mean across GPUs, hourly mean, then
// quantile_cont — printed as one JSON line. On two threads whatever the machine: the peer the
// speed targets are set against.
import { DuckDBInstance } from '@duckdb/node-api';

/** `samples`: SQL for the CTEs that end in one named `samples` (ts TIMESTAMP, u DOUBLE). */
export async function printHourlyStats(samples) {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run('SET threads = 2');
  const reader = await con.runAndReadAll(`
WITH ${samples},
per_ts AS (SELECT ts, avg(u) AS u FROM samples GROUP BY ts),
hourly AS (SELECT date_trunc('hour', ts) AS h, avg(u) / 100 AS u FROM per_ts GROUP BY 1)
SELECT count(*)::INTEGER AS hours, avg(u) AS mean, quantile_cont(u, 0.2) AS p20,
       quantile_cont(u, 0.5) AS p50, quantile_cont(u, 0.95) AS p95 FROM hourly`);
  console.log(JSON.stringify(reader.getRowObjectsJson()[0]));
}

/** A path as a DuckDB string literal. */
export const sqlString = (path) => `'${path.replaceAll("'", "''")}'`;
