// The words of a determination body (where each stands is shown above SECTION_DEPTH): the importer
// writes them, `check` requires them, the determination page cuts the body at them and the
// benchmark generator recombines bodies by them.
import type { LetterFormat, Outcome } from './vocab.ts';

// A body and its words:
//
//   ## Clinical case summary                        <- a section heading (SECTION)
//   ...
//   ## Decisions and rationales
//   The Final Determination was based on ...
//   ### Item 1: MRI of the right shoulder           <- an item heading (itemHeadingText, ITEM_HEADING)
//   **Upheld.**                                     <- the outcome line (outcomeLine)
//   Claims Administrator guideline: Decision ...    <- the guideline lines (CLAIMS_ADMINISTRATOR_LABEL,
//   MAXIMUS guideline: Decision based on ...           reviewerLabel)
//   Decision rationale: The California MTUS ...     <- the rationale (RATIONALE_LABEL)
/** Heading depth of a section (`## `) and of an item (`### Item N: `). */
export const SECTION_DEPTH = 2;
export const ITEM_DEPTH = 3;

/** Section headings, as the importer writes them; the layouts use a subset, in this order. */
export const SECTION = {
  notice: 'Notice',
  reviewer: 'Reviewer',
  howMade: 'How the IMR final determination was made',
  summary: 'Clinical case summary',
  documents: 'Documents reviewed',
  qualifications: 'Medical reviewer qualifications',
  decisions: 'Decisions and rationales',
} as const;

/** Headings every determination body must have, in this order (check requires each). */
export const REQUIRED_BODY_HEADINGS = [SECTION.summary, SECTION.decisions] as const;

/** `## <title>`: a section heading line. */
export function sectionHeadingLine(title: string): string {
  return `${'#'.repeat(SECTION_DEPTH)} ${title}`;
}

/** `Item <n>: <request>`: the text of an item heading. */
export function itemHeadingText(n: number, request: string): string {
  return `Item ${n}: ${request}`;
}

// Read loosely ("item 2 :"), as the page has always read it: a hand-edited spacing or case must
// not lose the item its rationale.
const ITEM_HEADING = /^Item\s+(\d+)\s*:/i;

/** The item number an item heading's text starts with ("Item 2: ..." -> 2), else undefined. */
export function itemNumber(headingText: string): number | undefined {
  const m = ITEM_HEADING.exec(headingText);
  return m ? Number(m[1]) : undefined;
}

const OUTCOME_WORD: Record<Outcome, string> = { upheld: 'Upheld', overturned: 'Overturned' };

/** `Upheld.`: the bold text of the outcome line under an item heading. */
export function outcomeText(outcome: Outcome): string {
  return `${OUTCOME_WORD[outcome]}.`;
}

/** `**Upheld.**`: the outcome line under an item heading. */
export function outcomeLine(outcome: Outcome): string {
  return `**${outcomeText(outcome)}**`;
}

const OUTCOME_TEXT = new RegExp(`^(?:${Object.values(OUTCOME_WORD).join('|')})\\.?$`, 'i');

/** True for the text of an outcome line's bold words ("Upheld." or "Overturned"). */
export function isOutcomeText(text: string): boolean {
  return OUTCOME_TEXT.test(text);
}

// The words each layout uses for an item's two guideline lines.
export const CLAIMS_ADMINISTRATOR_LABEL = 'Claims Administrator guideline';

export const REVIEWER_LABEL: Record<LetterFormat, string> = {
  'imr-2016': 'MAXIMUS guideline',
  'imr-2014': 'MAXIMUS guideline',
  'maximus-header': 'MAXIMUS guideline',
  'notice-2013': 'Medical Treatment Guideline(s) used by the Expert Reviewer',
  'medical-professional-review': 'Medical treatment guideline(s) relied upon by the professional reviewer',
};

/** The letter's own name for the reviewer's guideline line. */
export function reviewerLabel(format: LetterFormat): string {
  return REVIEWER_LABEL[format];
}

/** `<label>: <text>`: a guideline line, or the first rationale paragraph. */
export function labelledLine(label: string, text: string): string {
  return `${label}: ${text}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GUIDELINE_TEXT = new RegExp(
  `^(?:${[CLAIMS_ADMINISTRATOR_LABEL, ...new Set(Object.values(REVIEWER_LABEL))].map(escapeRegExp).join('|')}):`,
  'i',
);

/** True for text that starts as a guideline line of any layout does ("MAXIMUS guideline: ..."). */
export function isGuidelineText(text: string): boolean {
  return GUIDELINE_TEXT.test(text);
}

/**
 * A guideline line's side, label and what follows the label: "MAXIMUS guideline: Decision based on
 * ..." -> reviewer, "MAXIMUS guideline", "Decision based on ...". Undefined for other text.
 */
export function guidelineLine(text: string): { side: 'claimsAdministrator' | 'reviewer'; label: string; rest: string } | undefined {
  const m = GUIDELINE_TEXT.exec(text);
  if (!m) return undefined;
  const label = m[0].slice(0, -1);
  const side = label.toLowerCase() === CLAIMS_ADMINISTRATOR_LABEL.toLowerCase() ? 'claimsAdministrator' : 'reviewer';
  return { side, label, rest: text.slice(m[0].length).trim() };
}

/** Each citation of a guideline line starts with these words; what stands before the first cites nothing. */
export const CITATION_START = /\bDecision based on\s+/i;

/** What the first rationale paragraph of an item starts with. */
export const RATIONALE_LABEL = 'Decision rationale';
