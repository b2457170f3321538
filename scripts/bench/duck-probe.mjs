import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2];
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const sql = `
WITH samples AS (
  SELECT strptime(trim("timestamp"), '%Y/%m/%d %H:%M:%S.%g') AS ts,
         CAST(trim(replace("utilization.gpu [%]", '%', '')) AS DOUBLE) AS u
  FROM read_csv('${file}', header = true, delim = ',', all_varchar = true)
), per_ts AS (SELECT ts, avg(u) AS u FROM samples GROUP BY ts),
hourly AS (SELECT date_trunc('hour', ts) AS h, avg(u) / 100 AS u FROM per_ts GROUP BY 1)
SELECT count(*) AS hours, avg(u) AS mean, quantile_cont(u, 0.2) AS p20, quantile_cont(u, 0.5) AS p50, quantile_cont(u, 0.95) AS p95 FROM hourly`;
const reader = await con.runAndReadAll(sql);
console.log(JSON.stringify(reader.getRowObjectsJson()), ((performance.now() - t0) / 1000).toFixed(2) + 's');
