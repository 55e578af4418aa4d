// Reads the disputed items of the "IMR ISSUES, DECISIONS AND RATIONALES" section (the text is
// shown above parseItems). Titles wrap over 2–3 lines and may follow the previous rationale with no
// blank line, so an item is found from its decision line (": Upheld" / ": Overturned") and its title
// is read backwards from there. A decision line the parser cannot read would merge its item into
// the one before (or drop it, before the first): such a letter is refused, never imported short.
import { joinParagraph } from './normalize-text.ts';
import { splitModified, type Modified } from './parse-modified.ts';
import { CONCLUSION, ParseError } from './reader-common.ts';
import { group } from './match-group.ts';

export interface RawItem {
  /** The heading as written, wrapped lines joined, without the outcome. */
  title: string;
  /** What was decided: the title, or the remaining portion of a modified request. */
  request: string;
  outcome: 'upheld' | 'overturned';
  modified?: Omit<Modified, 'remaining'>;
  /** "Claims Administrator guideline:" field without its label; undefined when missing. */
  claimsAdministrator?: string;
  /** "MAXIMUS guideline:" field without its label; undefined when missing. */
  reviewer?: string;
  /** Decision rationale paragraphs, label removed. */
  rationale: string[];
}

const DECISION_AT_END = /^(.*?):\s*(Upheld|Overturned)\.?$/i;
const DECISION_ALONE = /^\s*(Upheld|Overturned)\.?$/i;
// The words as a decision prints them; in the sample they occur on decision lines only.
const DECISION_WORD = /\b(?:Upheld|Overturned|UPHELD|OVERTURNED)\b/;
const CLAIMS_LABEL = /^\s*Claims\s+Administrator\s+guideline:\s*/i;
const REVIEWER_LABEL = /^\s*MAXIMUS\s+guideline:\s*/i;
const RATIONALE_LABEL = /^\s*Decision\s+rationale:\s*/i;
// The MAXIMUS-letterhead layout numbers its items: "1. Physical therapy ...: Upheld".
const NUMBERED_TITLE = /^(\d{1,2})\.\s+/;
const INTRO_END = /set forth below:\s*$/i;
const ENDS_SENTENCE = /[.!?]["'”)]*$/;
const ORIGINAL_REQUEST = /was the original request/gi;
// Sentence ends inside a line, except after abbreviations common in drug names and dosing.
const SENTENCE_BREAK = /(?<!\b(?:No|Dr|vs|Mr|Ms|Inc|St|approx|e\.g|i\.e))[.!?]["'”)]*\s+(?=["“(]?[A-Z0-9])/g;

interface Located {
  decision: number; // index of the line with the outcome
  start: number; // first line of the title
  outcome: 'upheld' | 'overturned';
  /** Lines of the previous item glued onto the title block (no blank line between). */
  gluedBefore: string[];
  title: string;
}

// The section as the letters print it:
//
//   The Final Determination was based on decisions for the disputed items/services set forth below:
//
//   Physical therapy 6 sessions 2 times a week for 3 weeks to the lumbar and cervical spine:
//   Upheld
//
//   Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment
//   2016, Section(s): Physical medicine treatment.
//
//   MAXIMUS guideline: Decision based on MTUS ...
//
//   Decision rationale: The California MTUS ... is not medically necessary.
//   Acupuncture 18 sessions was the original request. Acupuncture 6 sessions was authorized
//   by the Claims Administrator. The remaining IMR eligible portion of the original request,
//   Acupuncture 12 sessions is: Upheld
/** Parses all items of the decisions section; `lines` use "" for paragraph breaks. */
export function parseItems(lines: string[], options: { numberedTitles?: boolean } = {}): { intro: string[]; items: RawItem[] } {
  const introEnd = lines.findIndex((l) => INTRO_END.test(l));
  const first = introEnd + 1; // 0 when the intro sentence is missing
  const located = locateItems(lines, first);
  const firstItem = located[0];
  const leading = firstItem ? leadingText(lines.slice(first, firstItem.start), firstItem.gluedBefore) : [];
  const intro = [...(introEnd >= 0 ? [joinParagraph(lines.slice(0, introEnd + 1).filter((l) => l !== ''))] : []), ...leading];
  if (options.numberedTitles) checkNumbering(located.map((item) => NUMBERED_TITLE.exec(item.title)?.[1]));
  const items = located.map((item, k) => {
    const next = located[k + 1];
    const body = lines.slice(item.decision + 1, next ? next.start : lines.length);
    const title = options.numberedTitles ? item.title.replace(NUMBERED_TITLE, '') : item.title;
    return readFields({ ...item, title }, k + 1, body, next ? next.gluedBefore : []);
  });
  return { intro, items };
}

/**
 * Paragraphs between the intro and the first title, kept with the intro. With an item's field
 * among them they are an item the parser could not find, which must not vanish.
 */
function leadingText(lines: string[], glued: string[]): string[] {
  const text = splitFields([...lines, ...glued]);
  if (text.some((p) => FIELDS.some(([, label]) => label.test(p)))) {
    throw new ParseError(
      `text before the first item belongs to no item: "${excerpt(text.join(' '), 'start')}" (an item whose decision line cannot be read?)`,
    );
  }
  return text;
}

/** Numbered titles ("1. MRI ...: Upheld") must run 1, 2, 3 ...: a gap is an item not found. */
function checkNumbering(numbers: Array<string | undefined>): void {
  if (numbers.every((n, i) => Number(n) === i + 1)) return;
  throw new ParseError(
    `items numbered ${numbers.map((n) => n ?? '(none)').join(', ')}: expected 1 to ${numbers.length}; an item is missing or its decision line cannot be read`,
  );
}

function locateItems(lines: string[], first: number): Located[] {
  const found: Located[] = [];
  let floor = first;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const outcome = decisionAt(line, lines[i - 1]);
    if (!outcome) {
      if (DECISION_WORD.test(line) && !isFieldLine(line)) {
        throw new ParseError(
          `a decision line cannot be read: "${excerpt(line.trim(), 'end')}" (an item's title must end in ": Upheld" or ": Overturned")`,
        );
      }
      continue;
    }
    let start = i;
    while (start > floor && lines[start - 1] !== '' && !isFieldLine(lines[start - 1]!)) start--;
    const { glued, title } = cutTitle(lines.slice(start, i + 1));
    found.push({ decision: i, start, outcome, gluedBefore: glued, title });
    floor = i + 1;
  }
  return found;
}

/** The verdict a line ends in; a verdict alone on its line counts when the line before ends in ":". */
function decisionAt(line: string, before: string | undefined): 'upheld' | 'overturned' | undefined {
  if (CLAIMS_LABEL.test(line) || REVIEWER_LABEL.test(line)) return undefined;
  const m =
    DECISION_AT_END.exec(line) ??
    (DECISION_ALONE.test(line) && before !== undefined && /:\s*$/.test(before) ? DECISION_ALONE.exec(line) : null);
  if (!m) return undefined;
  return group(m, m.length - 1).toLowerCase() === 'upheld' ? 'upheld' : 'overturned';
}

function isFieldLine(line: string): boolean {
  return CLAIMS_LABEL.test(line) || REVIEWER_LABEL.test(line);
}

/** Splits a title block into rationale text glued before it and the title itself. */
function cutTitle(block: string[]): { glued: string[]; title: string } {
  const text = joinParagraph(block)
    .replace(/:?\s*(Upheld|Overturned)\.?$/i, '')
    .trim();
  // The title names the original request once; a rationale glued before it may name it too.
  const original = [...text.matchAll(ORIGINAL_REQUEST)].at(-1)?.index ?? -1;
  if (original >= 0) {
    // A modified request: the title is the sentence that names the original request onwards.
    let cut = 0;
    for (const m of text.slice(0, original).matchAll(SENTENCE_BREAK)) cut = m.index + m[0].length;
    return { glued: cut > 0 ? splitAtLabels(text.slice(0, cut).trim()) : [], title: text.slice(cut).trim() };
  }
  // Otherwise the title starts after the last earlier line that ends a sentence.
  let startLine = 0;
  for (let j = 0; j < block.length - 1; j++) if (ENDS_SENTENCE.test(block[j]!.trim())) startLine = j + 1;
  const title = joinParagraph(block.slice(startLine))
    .replace(/:?\s*(Upheld|Overturned)\.?$/i, '')
    .trim();
  // No title in the sample holds a sentence break or a line ending in a verdict: one that does
  // ran on from the text before it.
  const verdictLine = block.slice(startLine, -1).some((l) => CONCLUSION.test(l.trim()));
  if (verdictLine || [...title.replace(NUMBERED_TITLE, '').matchAll(SENTENCE_BREAK)].length > 0) {
    throw new ParseError(
      `cannot tell where an item's title starts: "${excerpt(title, 'end')}" runs on from the text before it (a rationale without its final full stop?)`,
    );
  }
  return { glued: block.slice(0, startLine), title };
}

/** Glued text joined from several lines, as lines again: each field label starts one. */
function splitAtLabels(text: string): string[] {
  return text.split(/(?=\b(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale):)/i);
}

function readFields(item: Located, n: number, body: string[], gluedAfter: string[]): RawItem {
  // The glued lines continue the body: a field cut by the title search is whole again.
  const paragraphs = splitFields([...body, ...gluedAfter]);
  checkOneOfEachField(item.title, n, paragraphs);
  let claimsAdministrator: string | undefined;
  let reviewer: string | undefined;
  const rationale: string[] = [];
  for (const p of paragraphs) {
    if (CLAIMS_LABEL.test(p)) claimsAdministrator = p.replace(CLAIMS_LABEL, '').trim();
    else if (REVIEWER_LABEL.test(p)) reviewer = p.replace(REVIEWER_LABEL, '').trim();
    // Unlabelled text (later rationale paragraphs, or stray text before the labels) is kept, never lost.
    else rationale.push(p.replace(RATIONALE_LABEL, '').trim());
  }
  const modified = splitModified(item.title);
  return {
    title: item.title,
    request: modified?.remaining ?? item.title,
    outcome: item.outcome,
    ...(modified ? { modified: { originalRequest: modified.originalRequest, authorized: modified.authorized } } : {}),
    ...(claimsAdministrator !== undefined ? { claimsAdministrator } : {}),
    ...(reviewer !== undefined ? { reviewer } : {}),
    rationale: rationale.filter((p) => p !== ''),
  };
}

const FIELDS: Array<[string, RegExp]> = [
  ['Claims Administrator guideline:', CLAIMS_LABEL],
  ['MAXIMUS guideline:', REVIEWER_LABEL],
  ['Decision rationale:', RATIONALE_LABEL],
];

/** A field seen twice in one item is the next item's, whose decision line was not recognised. */
function checkOneOfEachField(title: string, n: number, paragraphs: string[]): void {
  for (const [name, label] of FIELDS) {
    const at = paragraphs.filter((p) => label.test(p));
    const second = at[1];
    if (second === undefined) continue;
    const before = paragraphs.slice(0, paragraphs.indexOf(second)).at(-1) ?? '';
    throw new ParseError(
      `item ${n} ("${title}") has a second "${name}" field: the item after it has no readable decision line (near "${excerpt(before, 'end')}")`,
    );
  }
}

/** At most 80 characters of a text for a message, from its start or its end. */
function excerpt(text: string, keep: 'start' | 'end'): string {
  if (text.length <= 80) return text;
  return keep === 'start' ? `${text.slice(0, 80)}…` : `…${text.slice(-80)}`;
}

/** Paragraphs of an item body; a field label also starts a new paragraph when no blank line precedes it. */
function splitFields(body: string[]): string[] {
  const out: string[][] = [[]];
  for (const line of body) {
    const startsField = CLAIMS_LABEL.test(line) || REVIEWER_LABEL.test(line) || RATIONALE_LABEL.test(line);
    if (line === '' || startsField) out.push([]);
    if (line !== '') out[out.length - 1]!.push(line);
  }
  return out.filter((p) => p.length > 0).map(joinParagraph);
}
