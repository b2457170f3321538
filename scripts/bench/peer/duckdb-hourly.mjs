#!/usr/bin/env node
// The peer to beat: DuckDB computing the same hourly fleet statistics from the same nvidia-smi
// CSV. Prints one JSON line. Usage: duckdb-hourly.mjs FILE
import { printHourlyStats, sqlString } from './hourly-stats.mjs';

await printHourlyStats(`samples AS (
  SELECT strptime(trim("timestamp"), '%Y/%m/%d %H:%M:%S.%g') AS ts,
         CAST(trim(replace("utilization.gpu [%]", '%', '')) AS DOUBLE) AS u
  FROM read_csv(${sqlString(process.argv[2])}, header = true, delim = ',', all_varchar = true)
)`);
