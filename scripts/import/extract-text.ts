// PDF stage of the importer: letter PDF bytes -> plain text shaped like `pdftotext -layout` (the
// input and output are shown above extractPdfText). Column positions are approximate (poppler's
// runs of spaces differ by a few), but words, lines, 2+ space gaps between table columns and blank
// lines at paragraph breaks match it. Document metadata (Author holds a personal name) is never read.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** An extraction failure; `reason` is short and safe to print in an import report. */
export class ExtractError extends Error {
  readonly reason: string;
  readonly fileName: string;

  constructor(fileName: string, reason: string, options?: { cause?: unknown }) {
    super(`${fileName}: ${reason}`, options);
    this.name = 'ExtractError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

export const REASON_ENCRYPTED = 'encrypted PDF (needs a password)';
export const REASON_NO_TEXT = 'no text in PDF (scanned image or empty)';
export const notPdfReason = (detail: string): string => `not a PDF file: ${detail}`;

// Loaded once, on first use: the pdfjs bundle is large and most imports are text-only.
let pdfjsPromise: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** A visible run of text in page space. */
interface Run {
  text: string;
  x: number;
  y: number;
  end: number; // x + width
  size: number; // font size in points
}

interface Line {
  y: number;
  size: number;
  runs: Run[];
}

// What pdfjs's getTextContent() gives for a header row (PDF points, origin bottom-left):
//   { str: "Date Assigned:", transform: [11.04, 0, 0, 11.04, 72, 675.6], width: 79.99 }
//   { str: " ",              transform: [..., 151.99, 675.6],  width: 2.48 }   <- spacer, dropped
//   { str: "11/09/2016",     transform: [..., 179.4, 675.48],  width: 55.19 }  <- baseline jitter
//   { str: "",               hasEOL: true, width: 0 }                          <- marker, dropped
// and body text comes as one item per visual line.
//
// What this module returns (one string; each page's lines end in "\n", each page ends in "\f"):
//   Case Number:          CM16-0213037
//   Date Assigned:        11/09/2016                    Date of Injury:    10/13/2016
//   Priority:             Standard                      Application        11/03/2016
//                                                       Received:
//
//                   HOW THE IMR FINAL DETERMINATION WAS MADE
//   MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
//   ...
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.length === 0) throw new ExtractError(fileName, notPdfReason('empty file (0 bytes)'));
  // pdfjs "repairs" almost anything, so reject non-PDFs by their magic number first.
  if (!hasPdfHeader(bytes)) throw new ExtractError(fileName, notPdfReason('no %PDF header'));

  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdfjs may detach the buffer, and rejects Node Buffers
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // No standardFontDataUrl: text needs only the PDFs' own /Widths, and without it pdfjs
    // would warn ~4 times per letter about non-embedded fonts; level 0 keeps stderr quiet.
    verbosity: 0,
  });

  const pages: Run[][] = [];
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(toRuns(content.items));
      page.cleanup();
    }
  } catch (err) {
    throw toExtractError(err, fileName);
  } finally {
    await task.destroy();
  }

  if (!pages.some((runs) => runs.length > 0)) throw new ExtractError(fileName, REASON_NO_TEXT);
  return layoutDocument(pages);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The spec allows junk before "%PDF-"; readers accept it within the first 1 KB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function toExtractError(err: unknown, fileName: string): ExtractError {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new ExtractError(fileName, REASON_ENCRYPTED, { cause: err });
  const detail = name === 'InvalidPDFException' ? 'invalid or truncated PDF structure' : `corrupt PDF (${message})`;
  return new ExtractError(fileName, notPdfReason(detail), { cause: err });
}

/** Keeps only items with visible text, with their surrounding spaces moved into the geometry. */
function toRuns(items: ReadonlyArray<object>): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (!('str' in item) || !('transform' in item)) continue; // marked-content markers
    const { str, transform, width } = item as { str: string; transform: number[]; width: number };
    const text = str.trim();
    if (text === '') continue; // spacer and hasEOL-marker items; gaps come from geometry
    const [a = 0, b = 0, , , x = 0, y = 0] = transform;
    const charWidth = str.length > 0 ? width / str.length : 0;
    const lead = str.length - str.trimStart().length;
    const start = x + lead * charWidth;
    runs.push({ text, x: start, y, end: start + text.length * charWidth, size: Math.hypot(a, b) || 10 });
  }
  return runs;
}

/** Groups runs into visual lines: same baseline within a fraction of the font size. */
function toLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    // Baselines of one row differ by ~0.1 pt between fonts; rows are >= 13 pt apart.
    if (line && line.y - run.y <= 0.3 * Math.max(line.size, run.size)) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else {
      lines.push({ y: run.y, size: run.size, runs: [run] });
    }
  }
  for (const line of lines) line.runs.sort((p, q) => p.x - q.x);
  return lines;
}

function layoutDocument(pages: Run[][]): string {
  const all = pages.flat();
  // One column grid for the whole document, so indents and table columns line up across pages.
  // A loop, not Math.min(...all): spreading 100k+ runs overflows the call stack.
  const left = all.reduce((min, r) => Math.min(min, r.x), Infinity);
  const chars = all.reduce((sum, r) => sum + r.text.length, 0);
  const cell = all.reduce((sum, r) => sum + (r.end - r.x), 0) / chars || 5;
  return pages.map((runs) => layoutPage(toLines(runs), left, cell)).join('');
}

function layoutPage(lines: Line[], left: number, cell: number): string {
  let out = '';
  let prev: Line | undefined;
  for (const line of lines) {
    if (prev) out += '\n'.repeat(blankLinesBetween(prev, line));
    out += layoutLine(line, left, cell) + '\n';
    prev = line;
  }
  return out + '\f';
}

/**
 * Blank lines for the vertical gap between two lines, as poppler prints them. Gaps in font
 * sizes on these letters: 1.15 next line, 1.7 heading to body (0 blank lines); 2.3 paragraph
 * break, 2.9 before a heading (1); 3.3 between items (2).
 */
function blankLinesBetween(above: Line, below: Line): number {
  const gap = (above.y - below.y) / Math.max(above.size, below.size);
  return Math.max(0, Math.floor((gap - 0.7) / 1.2));
}

function layoutLine(line: Line, left: number, cell: number): string {
  let text = '';
  let prev: Run | undefined;
  for (const run of line.runs) {
    const column = Math.max(0, Math.round((run.x - left) / cell));
    if (!prev) {
      text = ' '.repeat(column);
    } else {
      const gap = run.x - prev.end;
      const prevCharWidth = (prev.end - prev.x) / prev.text.length;
      if (gap > 1.5 * prevCharWidth) {
        // A table gap: at least two spaces, more to reach the run's column.
        text += ' '.repeat(Math.max(2, column - text.length));
      } else if (gap > 0.15 * prev.size) {
        text += ' '; // an ordinary word space between two items
      }
    }
    text += run.text;
    prev = run;
  }
  return text;
}
