#!/usr/bin/env node
// The peer for Prometheus answers: DuckDB's read_json over the same query_range answer, the
// same hourly fleet statistics as duckdb-hourly.mjs. Prints one JSON line. Usage:
// duckdb-prometheus.mjs FILE
import { printHourlyStats, sqlString } from './hourly-stats.mjs';

await printHourlyStats(`doc AS (SELECT unnest(data.result) AS r
             FROM read_json(${sqlString(process.argv[2])}, maximum_object_size = 1000000000)),
pts AS (SELECT unnest(r."values") AS p FROM doc),
samples AS (SELECT to_timestamp(CAST(p[1] AS DOUBLE)) AS ts, CAST(p[2] AS DOUBLE) AS u FROM pts)`);
