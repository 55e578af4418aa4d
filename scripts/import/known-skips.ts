// Tells a re-import's skips apart: those the last report already holds (the same file, by the
// sha256 of its bytes, skipped for the same reason; a file that could not be read, by its path)
// from new ones, so an update run with --ok-if-known fails only when something new failed. The
// state is the --report file itself (shown above skipKey); every skip is written to each run's
// report, so one reported once stays known while it recurs.
import { readFileSync } from 'node:fs';

/** The fields of a report entry that identify a skip. */
export interface SkipEntry {
  file: string;
  status: string;
  reason?: string;
  sha256?: string;
}

// The report it reads:
//
//   { "files": [ { "file": "in/CM16-0213037.pdf", "status": "skipped", "sha256": "9f2c…",
//                  "reason": "truncated letter: …", "reportedBefore": true }, … ], … }
/** One string per distinct skip: its bytes (or, unread, its path) and its reason. */
export function skipKey(entry: SkipEntry): string {
  return `${entry.sha256 ? `sha256:${entry.sha256}` : `path:${entry.file}`}\n${entry.reason ?? ''}`;
}

export type LastReport = { found: false } | { found: true; known: Set<string> };

/**
 * The skips of the report at `path` from the last run; `found: false` when there is none yet.
 * Throws an Error naming the file when it is there but not a report.
 */
export function readLastReport(path: string): LastReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    throw new Error(`cannot read the last report ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown }).files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files))
    throw new Error(`${path} is not an import report (no "files" list): name another file with --report, or delete it`);
  const skips = (files as SkipEntry[]).filter((f) => f && f.status === 'skipped' && typeof f.file === 'string');
  return { found: true, known: new Set(skips.map(skipKey)) };
}
