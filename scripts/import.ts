// npm run import -- [--out DIR] [--report FILE] [--force] PATH...
// Imports IMR letters (.pdf, .txt, or folders of them) as Markdown determinations and accounts
// for every input: imported, updated, unchanged or skipped with its reason. Exit 1 if any skip.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue, type Catalogue } from '../src/lib/catalogue/load-catalogue.ts';
import { listInputs } from './import/list-inputs.ts';
import { convertLetter } from './import/import-letter.ts';
import { indexById, writeDetermination, type IdIndex } from './import/write-output.ts';
import { CorpusSetupError } from '../src/lib/catalogue/catalogue-source.ts';
import { contentDir, corpusCatalogue } from '../src/lib/files/content-dir.ts';
import { escapeForTerminal } from '../src/lib/format/unsafe-text.ts';

type Status = 'imported' | 'updated' | 'unchanged' | 'skipped';
interface FileReport {
  file: string;
  status: Status;
  id?: string;
  path?: string;
  reason?: string;
  warnings?: string[];
  /** Files of the same determination elsewhere (an earlier decision year) that this one replaced. */
  movedFrom?: string[];
}

const USAGE = 'usage: npm run import -- [--out DIR] [--report FILE] [--force] PATH...';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        report: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  const outDir = args.values.out ?? `${contentDir()}/determinations`;
  // A content folder with no catalogue is read with the bundled one, and says so; one that is
  // missing or holds part of a catalogue stops the run in one line, not a stack trace.
  let catalogue: Catalogue;
  let source;
  try {
    source = corpusCatalogue();
  } catch (error) {
    if (!(error instanceof CorpusSetupError)) throw error;
    console.error(escapeForTerminal(`cannot import: ${error.message}`));
    return 2;
  }
  if (source.notice) console.error(escapeForTerminal(source.notice));
  try {
    catalogue = loadCatalogue(source.dir);
  } catch (error) {
    // The catalogue's own lines, each escaped on its own (see scripts/check.ts).
    const lines = [
      `cannot import: the catalogue in ${source.dir} is not valid (npm run check lists the same)`,
      ...(error as Error).message.split('\n'),
    ];
    for (const line of lines) console.error(escapeForTerminal(line));
    return 2;
  }
  const { files, rejected, ignored } = listInputs(args.positionals);
  const reports: FileReport[] = rejected.map((r) => ({ file: r.file, status: 'skipped', reason: r.reason }));
  const claimed = new Map<string, string>(); // determination id -> input file that wrote it in this run
  const filesById = indexById(outDir); // where each id's file is, in any year folder
  const started = performance.now();

  for (const [index, file] of files.entries()) {
    const report = await importOne(file, { outDir, force: args.values.force, filesById }, catalogue, claimed);
    reports.push(report);
    progress(index + 1, files.length, report);
  }

  const seconds = (performance.now() - started) / 1000;
  const count = (s: Status) => reports.filter((r) => r.status === s).length;
  const summary = { imported: count('imported'), updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped') };
  if (args.values.report)
    writeFileSync(
      args.values.report,
      JSON.stringify({ outDir, summary, seconds: round(seconds), files: reports, ignored: ignored.map((i) => i.file) }, null, 2) + '\n',
    );
  // File names and letter text can hold escape sequences; none reaches the terminal raw.
  for (const i of ignored) console.error(escapeForTerminal(`ignored ${i.file}: ${i.reason}`));
  for (const r of reports.filter((r) => r.status === 'skipped')) console.error(escapeForTerminal(`skipped ${r.file}: ${r.reason}`));
  for (const r of reports) for (const w of r.warnings ?? []) console.error(escapeForTerminal(`warning ${r.file}: ${w}`));
  for (const r of reports) for (const old of r.movedFrom ?? []) console.error(escapeForTerminal(`moved ${old} -> ${r.path}`));
  const warned = reports.filter((r) => (r.warnings?.length ?? 0) > 0).length;
  const ignoredNote =
    ignored.length > 0 ? `; ignored ${ignored.length} non-letter file${ignored.length === 1 ? '' : 's'} in folders, named above` : '';
  const warnedNote = warned > 0 ? `; ${warned} with warnings` : '';
  const rate = files.length / Math.max(seconds, 1e-6);
  console.log(
    `imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, skipped ${summary.skipped}` +
      ` (${files.length} letters in ${seconds.toFixed(2)} s, ${rate.toFixed(0)} letters/s${warnedNote}${ignoredNote})`,
  );
  return summary.skipped > 0 ? 1 : 0;
}

interface Output {
  outDir: string;
  force: boolean;
  filesById: IdIndex;
}

async function importOne(file: string, output: Output, catalogue: Catalogue, claimed: Map<string, string>): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return {
      file,
      status: 'skipped',
      reason: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  try {
    return decide(file, await convertLetter(file, bytes, catalogue), output, claimed);
  } catch (error) {
    return { file, status: 'skipped', reason: `cannot write the output: ${(error as Error).message}` };
  }
}

function decide(
  file: string,
  converted: Awaited<ReturnType<typeof convertLetter>>,
  { outDir, force, filesById }: Output,
  claimed: Map<string, string>,
): FileReport {
  if (!converted.ok) return { file, status: 'skipped', reason: converted.reason };
  const { determination, relativePath, markdown, warnings } = converted;
  const path = `${outDir}/${relativePath}`;
  const earlier = claimed.get(determination.id);
  if (earlier)
    return {
      file,
      status: 'skipped',
      id: determination.id,
      reason: `same determination ${determination.id} as ${earlier}, imported earlier in this run`,
    };
  claimed.set(determination.id, file);
  const written = writeDetermination(outDir, relativePath, markdown, force, filesById);
  if (written.status === 'conflict') {
    const kept = `${outDir}/${written.kept}`;
    const reason =
      kept === path
        ? `${path} exists with different content; not overwritten`
        : `${kept} holds this determination with different content; not moved to ${path}`;
    return { file, status: 'skipped', id: determination.id, path, reason: `${reason} (use --force to replace it)` };
  }
  const moved = written.moved ? { movedFrom: written.moved.map((p) => `${outDir}/${p}`) } : {};
  return { file, status: written.status, id: determination.id, path, ...moved, ...(warnings.length > 0 ? { warnings } : {}) };
}

function progress(done: number, total: number, report: FileReport): void {
  const line = escapeForTerminal(`[${done}/${total}] ${report.status} ${relative('.', report.file)}`);
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
  else if (done % 25 === 0 || done === total) process.stderr.write(`${line}\n`);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

process.exitCode = await main();
