// DuckDB's side of the CRM benchmark (issue 12): from the export as it comes, per owner,
// the won revenue, the number of won deals and the lost or abandoned value of one year,
// which is what `kpi score --period YEAR` needs from the crm-deals source.
//
//   node bench/duckdb_crm.mjs [--threads N] [--year 2026] [--check] FILE
//
// `read_csv` with `delim=';'` and `dateformat`, the amount parsed with `replace` and
// `CAST ... AS DECIMAL`, one `FILTER` clause per KPI, grouped by owner. Without --check
// it prints the number of owners; with --check one JSON object per owner, for
// bench/crm_check.py.
import { DuckDBInstance } from '@duckdb/node-api';
import { parseArgs } from './args.mjs';

const { threads, year, check, file } = parseArgs(
  process.argv.slice(2), 'usage: node duckdb_crm.mjs [--threads N] [--year 2026] [--check] FILE');

const quoted = `'${file.replaceAll("'", "''")}'`;
const query = `
  WITH deals AS (
    SELECT "Owner" AS owner, lower("Stage") AS stage,
           CAST(replace(replace("Amount (VND)", '.', ''), ',', '.') AS DECIMAL(18, 2)) AS amount
    FROM read_csv(${quoted}, delim = ';', header = true, dateformat = '%d/%m/%Y',
                  columns = {'Deal ID': 'VARCHAR', 'Owner': 'VARCHAR', 'Close Date': 'DATE',
                             'Amount (VND)': 'VARCHAR', 'Stage': 'VARCHAR', 'Region': 'VARCHAR'})
    WHERE "Close Date" BETWEEN DATE '${year}-01-01' AND DATE '${year}-12-31')
  SELECT owner,
         sum(amount) FILTER (WHERE stage = 'won') AS revenue,
         count(*) FILTER (WHERE stage = 'won') AS won,
         sum(amount) FILTER (WHERE stage IN ('lost', 'abandoned')) AS lost
  FROM deals GROUP BY owner ORDER BY owner`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(query);
if (check) {
  for (const row of reader.getRowObjectsJson()) {
    console.log(JSON.stringify(row));
  }
} else {
  console.log(`${reader.getRows().length} owners`);
}
