// npm run bench [-- suite…] — runs the benchmark suites and prints one table. Suites: http, ledger,
// ingest, publications, entities, draws, stats, archive. Targets are printed beside the numbers; nothing here asserts (docs/performance.md).
import { benchArchive } from './archive.js';
import { benchDraws } from './draws.js';
import { benchHttp } from './http.js';
import { benchIngest } from './ingest.js';
import { benchInspectionImport } from './inspection-import.js';
import { benchLedger } from './ledger.js';
import { benchPublications } from './publications.js';
import { benchStats } from './stats.js';
import { printTable, type Row } from './support.js';

const suites: Record<string, () => Promise<Row[]>> = {
  http: benchHttp,
  ledger: benchLedger,
  ingest: benchIngest,
  publications: benchPublications,
  entities: benchInspectionImport,
  draws: benchDraws,
  stats: benchStats,
  archive: benchArchive,
};
const wanted = process.argv.slice(2).filter((a) => a in suites);
const rows: Row[] = [];
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  console.log(`running ${name}…`);
  rows.push(...(await (suites[name] ?? (async () => []))()));
}
printTable(rows);
