// The command line shared by bench/duckdb.mjs and bench/duckdb_crm.mjs:
//   [--threads N] [--year 2026] [--check] [--version] FILE
// Exits 2 with `usage` on a bad call.
export function parseArgs(argv, usage) {
  const args = { threads: 1, year: 2026, check: false, version: false, file: null };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--threads') {
      args.threads = Number(argv[++i]);
    } else if (argv[i] === '--year') {
      args.year = Number(argv[++i]);
    } else if (argv[i] === '--check') {
      args.check = true;
    } else if (argv[i] === '--version') {
      args.version = true;
    } else {
      args.file = argv[i];
    }
  }
  if (!args.version && (!args.file || !Number.isInteger(args.threads) || args.threads < 1)) {
    console.error(usage);
    process.exit(2);
  }
  return args;
}
