// npm run import -- [--out DIR] [--report FILE [--ok-if-known]] [--force] PATH...
// Imports IMR letters (.pdf, .txt, or folders of them) as Markdown determinations and accounts
// for every input: imported, updated, unchanged or skipped with its reason. Exit 1 if any skip;
// with --ok-if-known, only if a skip is new, not one the last --report already holds
// (scripts/import/known-skips.ts), so an update script re-reading a folder of letters can tell.
// Exit 2 when it cannot start (arguments, content folder, catalogue, last report).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue, type Catalogue } from '../src/data/files/load-catalogue.ts';
import { listInputs } from './import/list-inputs.ts';
import { readLastReport, skipKey, type LastReport } from './import/known-skips.ts';
import { convertLetter } from './import/import-letter.ts';
import { indexById, writeDetermination, type IdIndex } from './import/write-output.ts';
import { CorpusSetupError } from '../src/data/files/catalogue-source.ts';
import { contentDir, corpusCatalogue } from '../src/data/files/content-dir.ts';
import { escapeForTerminal } from '../src/lib/format/unsafe-text.ts';
import { writeWholeSync } from '../src/data/files/write-whole.ts';

type Status = 'imported' | 'updated' | 'unchanged' | 'skipped';
interface FileReport {
  file: string;
  status: Status;
  /** sha256 of the input's bytes, when it could be read: how a re-run knows a skip it reported before. */
  sha256?: string;
  id?: string;
  path?: string;
  reason?: string;
  warnings?: string[];
  /** Files of the same determination elsewhere (an earlier decision year) that this one replaced. */
  movedFrom?: string[];
  /** With --ok-if-known: a skip the last report holds too (same bytes, same reason). */
  reportedBefore?: true;
}

const USAGE = 'usage: npm run import -- [--out DIR] [--report FILE [--ok-if-known]] [--force] PATH...';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        report: { type: 'string' },
        force: { type: 'boolean', default: false },
        'ok-if-known': { type: 'boolean', default: false },
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
  const okIfKnown = args.values['ok-if-known'];
  const reportFile = args.values.report;
  if (okIfKnown && !reportFile) {
    console.error(`--ok-if-known needs --report FILE: the last run's report, which this run compares with and then replaces\n${USAGE}`);
    return 2;
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
  let last: LastReport | undefined;
  if (okIfKnown) {
    try {
      last = readLastReport(reportFile!);
    } catch (error) {
      console.error(escapeForTerminal(`cannot import: ${(error as Error).message}`));
      return 2;
    }
    if (!last.found)
      console.error(
        escapeForTerminal(`no report at ${resolve(reportFile!)} yet: every skip counts as new (the next run compares with this run's)`),
      );
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
  if (last?.found) for (const r of reports) if (r.status === 'skipped' && last.known.has(skipKey(r))) r.reportedBefore = true;
  const count = (s: Status) => reports.filter((r) => r.status === s).length;
  const summary = { imported: count('imported'), updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped') };
  const reportedBefore = reports.filter((r) => r.reportedBefore).length;
  const newSkips = summary.skipped - reportedBefore;
  if (reportFile) {
    const report = {
      outDir,
      summary: okIfKnown ? { ...summary, reportedBefore } : summary,
      seconds: round(seconds),
      files: reports,
      ignored: ignored.map((i) => i.file),
    };
    // Whole or not at all: the next --ok-if-known run reads it.
    writeWholeSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  }
  printOutcome(reports, ignored, { letters: files.length, seconds, okIfKnown });
  return newSkips > 0 ? 1 : 0;
}

/** Every skip, warning, move and passed-over file, one a line on stderr, then the summary line on stdout. */
function printOutcome(
  reports: FileReport[],
  ignored: Array<{ file: string; reason: string }>,
  { letters, seconds, okIfKnown }: { letters: number; seconds: number; okIfKnown: boolean },
): void {
  const skipped = reports.filter((r) => r.status === 'skipped').length;
  const reportedBefore = reports.filter((r) => r.reportedBefore).length;
  const newSkips = skipped - reportedBefore;
  // File names and letter text can hold escape sequences; none reaches the terminal raw.
  for (const i of ignored) console.error(escapeForTerminal(`ignored ${i.file}: ${i.reason}`));
  for (const r of reports.filter((r) => r.status === 'skipped'))
    console.error(escapeForTerminal(`skipped ${r.file}: ${r.reason}${r.reportedBefore ? ' (reported before)' : ''}`));
  for (const r of reports) for (const w of r.warnings ?? []) console.error(escapeForTerminal(`warning ${r.file}: ${w}`));
  for (const r of reports) for (const old of r.movedFrom ?? []) console.error(escapeForTerminal(`moved ${old} -> ${r.path}`));
  const warned = reports.filter((r) => (r.warnings?.length ?? 0) > 0).length;
  const ignoredNote =
    ignored.length > 0 ? `; ignored ${ignored.length} non-letter file${ignored.length === 1 ? '' : 's'} in folders, named above` : '';
  const warnedNote = warned > 0 ? `; ${warned} with warnings` : '';
  const rate = letters / Math.max(seconds, 1e-6);
  // With --ok-if-known, how many skips are new: "skipped 2 (all reported before)", "skipped 3 (1 new, 2 reported before)".
  const skipNote =
    okIfKnown && skipped > 0
      ? newSkips === 0
        ? ' (all reported before)'
        : reportedBefore > 0
          ? ` (${newSkips} new, ${reportedBefore} reported before)`
          : ' (all new)'
      : '';
  const count = (s: Status) => reports.filter((r) => r.status === s).length;
  console.log(
    `imported ${count('imported')}, updated ${count('updated')}, unchanged ${count('unchanged')}, skipped ${skipped}${skipNote}` +
      ` (${letters} letters in ${seconds.toFixed(2)} s, ${rate.toFixed(0)} letters/s${warnedNote}${ignoredNote})`,
  );
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
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return { ...decide(file, await convertLetter(file, bytes, catalogue), output, claimed), sha256 };
  } catch (error) {
    return { file, status: 'skipped', sha256, reason: `cannot write the output: ${(error as Error).message}` };
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
