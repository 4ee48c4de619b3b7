// The DuckDB side of the benchmark: the per-(kpi, entity) aggregates of one year that
// `kpi score --period YEAR` needs (sum, mean, max, count and the value of the latest
// date), computed straight from the CSV.
//
//   node bench/duckdb.mjs [--threads N] [--year 2026] [--check] FILE
//
// Without --check it prints the number of groups (the result is fetched, not printed,
// as kpi's JSON goes to /dev/null). With --check it prints one JSON object per group,
// with every value on the group's latest date, for bench/compare.py.
import duckdb, { DuckDBInstance } from '@duckdb/node-api';
import { parseArgs } from './args.mjs';

const { threads, year, check, version, file } = parseArgs(
  process.argv.slice(2), 'usage: node duckdb.mjs [--threads N] [--year 2026] [--check] FILE');
if (version) {
  console.log(duckdb.version());
  process.exit(0);
}

const quoted = `'${file.replaceAll("'", "''")}'`;
const rows = `(SELECT * FROM read_csv(${quoted}, header = true,
      columns = {'kpi': 'VARCHAR', 'entity': 'VARCHAR', 'date': 'DATE', 'value': 'DOUBLE'})
    WHERE date BETWEEN DATE '${year}-01-01' AND DATE '${year}-12-31')`;
const aggregates = `SELECT kpi, entity, count(*) AS n, sum(value) AS sum, avg(value) AS mean,
      max(value) AS max, arg_max(value, date) AS last, max(date) AS last_date
    FROM ${rows} GROUP BY kpi, entity`;
// arg_max picks one row among those on the latest date; kpi takes the one read last.
// The check therefore carries every value of that date.
const checked = `WITH t AS ${rows}, g AS (${aggregates})
  SELECT g.kpi, g.entity, g.n, g.sum, g.mean, g.max, list(t.value) AS last_values
  FROM g JOIN t ON t.kpi = g.kpi AND t.entity = g.entity AND t.date = g.last_date
  GROUP BY ALL ORDER BY g.kpi, g.entity`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(check ? checked : aggregates);
if (check) {
  for (const row of reader.getRowObjectsJson()) {
    console.log(JSON.stringify(row));
  }
} else {
  console.log(`${reader.getRows().length} groups`);
}
