// One input file through the pipeline: bytes -> text -> parsed letter -> determination -> Markdown.
// Pure but for reading nothing: the caller hands in the bytes and writes the result.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Determination } from '../../src/lib/schema/determination.ts';
import { determinationYear } from '../../src/lib/corpus/determination-year.ts';
import { extractPdfText, ExtractError } from './extract-text.ts';
import { parseLetter, ParseError } from './parse-letter.ts';
import { isSynthetic } from './reader-common.ts';
import { plainName } from './normalize-text.ts';
import { toDetermination } from './to-determination.ts';
import { toMarkdown } from './to-markdown.ts';
import type { Catalogue } from '../../src/data/files/load-catalogue.ts';

export type Converted =
  { ok: true; determination: Determination; relativePath: string; markdown: string; warnings: string[] } | { ok: false; reason: string };

export async function convertLetter(file: string, bytes: Uint8Array, catalogue: Catalogue): Promise<Converted> {
  try {
    const text = await readText(file, bytes);
    const letter = parseLetter(text);
    const synthetic = isSynthetic(text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const determination = toDetermination(letter, { file: plainName(basename(file)), sha256, synthetic }, catalogue);
    const relativePath = `${determinationYear(determination)}/${determination.id}.md`;
    return { ok: true, determination, relativePath, markdown: toMarkdown(determination, letter), warnings: letter.warnings };
  } catch (error) {
    if (error instanceof ParseError || error instanceof ExtractError) return { ok: false, reason: error.reason };
    // A bug, not a bad letter: still one skip with the reason, so the run accounts for every file.
    return { ok: false, reason: `internal error (please report): ${(error as Error).message ?? String(error)}` };
  }
}

async function readText(file: string, bytes: Uint8Array): Promise<string> {
  if (extname(file).toLowerCase() === '.pdf') return extractPdfText(bytes, basename(file));
  if (bytes.length === 0) throw new ParseError('empty file (0 bytes)');
  if (bytes.includes(0)) throw new ParseError('not a text file: contains NUL bytes (a binary file named .txt?)');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw new ParseError('not UTF-8 text: invalid byte sequences');
  return text;
}
