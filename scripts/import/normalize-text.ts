// Turns extracted letter text into clean lines for the line-based parsers, from either shape of
// input (shown above normalizeLines). Page breaks (\f) fall mid-paragraph and even inside item
// titles, so they are dropped, never turned into paragraph breaks. U+2028/U+2029 end a line like
// "\n": the parsers' line patterns would not see past them.

// pdftotext starts each page's first line with \f; the line before it already ended.
const FORM_FEED = /\n?\f/g;
// U+2028 and U+2029 are line and paragraph separators: they end a line as a newline does (read as
// anything else they glued an item's title to the line before it).
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
// Any other control character (C0 and C1: a vertical tab, U+0085 "next line") stands between
// words: each becomes a space (deleting them glued "right\vshoulder" into "rightshoulder"; a space
// keeps header columns too). Tab is whitespace.
const CONTROL_CHARS = /(?![\t\n\f])\p{Cc}/gu;
// Bidirectional formatting characters (U+202E and its kin) are invisible and only reorder how
// the text around them is shown: dropped.
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/** An input file's name as a page may show it: control characters as spaces, bidi controls dropped. */
export function plainName(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(BIDI_CONTROLS, '');
}

// The two shapes of input (in the second, every line is followed by an empty line and a real
// paragraph break is a line holding only spaces):
//
//   pdftotext -layout / our PDF extractor   "MAXIMUS Federal Services sent ... He/she has no\n
//                                             affiliation with the employer, ...\n\n"
//   the 2014 "double-spaced" text dumps      "MAXIMUS Federal Services sent ... He/she has no \n\n
//                                             affiliation with the employer, ... \n\n \n\n"
// In the second shape every line is followed by an empty line and a real paragraph break is a
// line holding only spaces. Page breaks (\f) fall mid-paragraph and even inside item titles, so
// they are dropped, never turned into paragraph breaks. U+2028/U+2029 (line and paragraph
// separators) end a line like "\n": the parsers' line patterns would not see past them, and a
// title split by one must still read as one wrapped title.
/** Lines with right-trimmed text; "" marks a paragraph break. Leading spaces are kept (headers need columns). */
export function normalizeLines(raw: string): string[] {
  const text = raw.replace(LINE_BREAK, '\n').replace(CONTROL_CHARS, ' ').replace(BIDI_CONTROLS, '').replace(FORM_FEED, '\n\u0000PAGE\n');
  let lines = text.split('\n');
  if (isDoubleSpaced(lines)) {
    // Empty lines are the dump's line separators; whitespace-only lines are the paragraph breaks.
    lines = lines.filter((l) => l !== '').map((l) => (l.trim() === '' ? '' : l));
  }
  const out: string[] = [];
  for (const line of lines) {
    if (line === '\u0000PAGE') continue; // a page break is not a paragraph break
    const clean = line.trimEnd();
    if (clean === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(clean);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** True when (almost) every text line is followed by an empty line. */
function isDoubleSpaced(lines: string[]): boolean {
  let textLines = 0;
  let followedByEmpty = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i]!.trim() === '' || lines[i] === '\u0000PAGE') continue;
    textLines++;
    if (lines[i + 1] === '') followedByEmpty++;
  }
  return textLines >= 5 && followedByEmpty / textLines > 0.9;
}

/** Marker that replaces a name the publisher cut out of the letter. */
export const REDACTED = '[redacted]';

// A redaction leaves a word that needs an object followed by a gap, then punctuation or a verb:
// "recommended by  ." / "diagnoses per  are:". "by ." never occurs in real prose, so one space
// before punctuation is enough; before a word it takes the gap's double space.
const GAP_BEFORE_PUNCTUATION = /\b(by|per|to|from|with|Dr\.|of|at|see|saw)\s+(?=[.,;:)])/g;
const GAP_BEFORE_VERB = /\b(by|per|to|from|with|Dr\.|of|at|see|saw)\s{2,}(?=(are|is|was|were|who|on)\b)/g;

/** Joins wrapped lines of one paragraph with single spaces, marking redaction gaps. */
export function joinParagraph(lines: string[]): string {
  // A continuation line that starts with spaces is a gap left at the line start by a cut name.
  const joined = lines.map((l) => l.replace(/^\s+/, '  ')).join(' ');
  return joined.replace(GAP_BEFORE_PUNCTUATION, `$1 ${REDACTED}`).replace(GAP_BEFORE_VERB, `$1 ${REDACTED} `).replace(/\s+/g, ' ').trim();
}

// Numbered lists lose the space after each full stop in some dumps: "disease.2. Lumbar radiculitis.3. Status".
const GLUED_LIST_ITEM = /([a-z)]|\b\d{4})\.(\d{1,2})\. (?=[A-Z])/g;

/** Puts back the space between glued numbered list items, only in text that starts such a list with "1. ". */
export function unglueNumberedList(paragraph: string): string {
  return /(?:^|\s)1\. [A-Z]/.test(paragraph) ? paragraph.replace(GLUED_LIST_ITEM, '$1. $2. ') : paragraph;
}
