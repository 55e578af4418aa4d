// Pieces every letter reader shares: the error type, paragraphs, completeness and the words hash.
import { createHash } from 'node:crypto';
import { joinParagraph } from './normalize-text.ts';
import type { RawItem } from './parse-items.ts';

/** A letter the importer cannot read; `reason` is printed in the import report. */
export class ParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ParseError';
  }
}

/** Paragraphs of a run of lines: blank lines separate, wrapped lines are joined. */
export function paragraphs(lines: string[]): string[] {
  const out: string[][] = [[]];
  for (const line of lines) {
    if (line === '') out.push([]);
    else out[out.length - 1]!.push(line);
  }
  return out.filter((p) => p.length > 0).map(joinParagraph);
}

/** A numbered list keeps one entry per line ("1. Application for IMR"); other text is paragraphs. */
export function listOrParagraphs(lines: string[]): string[] {
  const text = lines.filter((l) => l.trim() !== '');
  return text.length > 0 && text.every((l) => /^\s*\d{1,3}[.)]\s/.test(l)) ? text.map((l) => joinParagraph([l])) : paragraphs(lines);
}

// Real letters sometimes drop the final full stop after their conclusion; anything else is cut.
export const CONCLUSION = /\b(?:medically (?:necessary|indicated)|appropriate|not (?:recommended|supported|indicated|warranted))$/i;
// A rationale ends by stating the verdict: the last sentence of all 340 sample rationales says one
// of these ("...is not medically necessary.", "...the medical necessity ... is not established.").
const VERDICT =
  /\bmedical(?:ly)? (?:necessary|necessity|indicated|appropriate)\b|\b(?:recommended|supported|indicated|warranted|appropriate|certified|reasonable)\b/i;
// A sentence ends at . ! ? before a capital, except after initials and the abbreviations of prose.
const SENTENCE_END = /(?<!\b(?:[A-Z]|No|Dr|vs|Mr|Ms|Mrs|Inc|St|approx|e\.g|i\.e|et al|pg|pp?))[.!?]["'”)]*\s+(?=["“(]?[A-Z])/g;

/** A letter cut short loses the end of its last rationale; refuse it rather than publish half. */
export function checkComplete(items: RawItem[]): void {
  items.forEach((item, i) => {
    const n = i + 1;
    if (item.reviewer === undefined)
      throw new ParseError(`truncated or malformed letter: item ${n} ("${item.request}") has no reviewer guideline field`);
    if (item.rationale.length === 0)
      throw new ParseError(`truncated or malformed letter: item ${n} ("${item.request}") has no decision rationale`);
  });
  const lastItem = items.at(-1);
  if (!lastItem) throw new ParseError('no disputed items found');
  const last = lastItem.rationale.at(-1) ?? '';
  if (!/[.!?)"”'\]]$/.test(last) && !CONCLUSION.test(last)) {
    throw new ParseError(`truncated letter: the rationale of item ${items.length} ends mid-sentence ("…${last.slice(-40)}")`);
  }
  // Cut at the end of a sentence: the sentences that remain have not yet given the verdict.
  const sentence = lastSentence(last);
  if (!VERDICT.test(sentence)) {
    throw new ParseError(
      `truncated letter: the rationale of item ${items.length} ends without its conclusion (the last sentence, "${sentence.length > 60 ? `…${sentence.slice(-60)}` : sentence}", states no verdict on medical necessity)`,
    );
  }
}

function lastSentence(paragraph: string): string {
  return sentences(paragraph).at(-1) ?? '';
}

/** A paragraph's sentences, cut where checkComplete cuts its last one. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(SENTENCE_END)) {
    out.push(paragraph.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  return [...out, paragraph.slice(start)];
}

/**
 * A page-broken text dump with words after its last form feed was cut inside its last page:
 * pdftotext (and the PDF reader here) end every page with a form feed, the last one too.
 */
export function checkLastPageWhole(raw: string): void {
  const lastFeed = raw.lastIndexOf('\f');
  if (lastFeed >= 0 && raw.slice(lastFeed + 1).trim() !== '') {
    throw new ParseError(
      'truncated letter: the text stops inside a page (each page of a PDF text dump ends with a form feed, and the last one has none)',
    );
  }
}

/** Hash of the words of a letter, so that its PDF and its text dump get the same id. */
export function hashWords(lines: string[]): string {
  const words = lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return createHash('sha256').update(words).digest('hex');
}

// Hand-written fixtures of layouts with no real sample start with this line (see test/fixtures/letters/*/README).
const SYNTHETIC_MARK = /^SYNTHETIC FIXTURE\b/;

/** Drops the synthetic-fixture marker line so the letter parses as its layout. */
export function stripSyntheticMark(lines: string[]): string[] {
  const first = lines.findIndex((l) => l.trim() !== '');
  return first >= 0 && SYNTHETIC_MARK.test(lines[first]!.trim()) ? lines.slice(first + 1) : lines;
}

export function isSynthetic(text: string): boolean {
  return SYNTHETIC_MARK.test(text.trimStart());
}
