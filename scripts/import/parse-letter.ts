// Parses the text of one IMR final determination letter into its parts: the 2016–17 letters, the
// 2014 ones (which lack the header page) and the MAXIMUS-letterhead layout (the same items under
// "IMR DECISION(S) AND RATIONALE(S)", with a "DOCUMENTS REVIEWED" section) here; the 2013 notices
// and "MEDICAL PROFESSIONAL REVIEW" letters in formats/.
import { SECTION } from '../../src/lib/schema/body-vocab.ts';
import { normalizeLines, unglueNumberedList } from './normalize-text.ts';
import { parseHeader, hasHeaderTable, type Header } from './parse-header.ts';
import { parseItems } from './parse-items.ts';
import { itemWarnings } from './item-warnings.ts';
import { readLabelledCredentials, readProseCredentials, readPatient, readDiagnoses, readProseDates } from './parse-facts.ts';
import {
  ParseError,
  checkComplete,
  checkLastPageWhole,
  hashWords,
  listOrParagraphs,
  paragraphs,
  stripSyntheticMark,
} from './reader-common.ts';
import type { ParsedLetter } from './letter-shape.ts';
import { readNotice2013 } from './formats/notice-2013.ts';
import { readProfessionalReview } from './formats/medical-professional-review.ts';

export { ParseError, paragraphs } from './reader-common.ts';
export type { ParsedLetter } from './letter-shape.ts';

const HOW_MADE = /^HOW THE IMR FINAL DETERMINATION WAS MADE$/i;
const SUMMARY = /^CLINICAL CASE SUMMARY$/i;
const DOCUMENTS = /^DOCUMENTS REVIEWED$/i;
const DECISIONS = /^IMR ISSUES,? DECISIONS,? AND RATIONALES$/i;
const MAXIMUS_DECISIONS = /^IMR DECISION\(S\) AND RATIONALE\(S\)$/i;
const MAXIMUS_LETTERHEAD = /^MAXIMUS FEDERAL SERVICES, INC\.?$/i;
const NOTICE_2013 = /^Notice of Independent Medical Review Determination$/i;
const PROFESSIONAL_REVIEW = /^MEDICAL PROFESSIONAL REVIEW$/i;

// A 2016–17 letter (a 2014 one lacks the header table):
//
//   Case Number:          CM16-0213037                       <- header table (2016–17 only)
//   ...
//                    HOW THE IMR FINAL DETERMINATION WAS MADE
//   MAXIMUS Federal Services sent the complete case file to an expert reviewer. ...
//   State(s) of Licensure: California,North Carolina
//   Certification(s)/Specialty: Family Practice
//                                CLINICAL CASE SUMMARY
//   The injured worker is a 48 year old male ...
//                       IMR ISSUES, DECISIONS AND RATIONALES
//   <items, see parse-items.ts>
export function parseLetter(raw: string): ParsedLetter {
  const lines = stripSyntheticMark(normalizeLines(raw));
  if (lines.join('').trim() === '') throw new ParseError('empty letter: no text');
  const top = lines.slice(0, 12).map((l) => l.trim());
  const letter = top.some((l) => NOTICE_2013.test(l))
    ? readNotice2013(lines)
    : top.some((l) => PROFESSIONAL_REVIEW.test(l))
      ? readProfessionalReview(lines)
      : readImrLetter(
          lines,
          top.some((l) => MAXIMUS_LETTERHEAD.test(l)),
        );
  // After the readers, whose reasons say more: a cut that left whole items is seen only here.
  checkLastPageWhole(raw);
  // Items that read whole but repeat or contradict themselves: imported, never silently.
  letter.warnings.push(...itemWarnings(letter.items));
  return letter;
}

function readImrLetter(lines: string[], letterhead: boolean): ParsedLetter {
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l.trim()));
  const howMade = at(HOW_MADE);
  const summary = at(SUMMARY);
  const documents = letterhead ? at(DOCUMENTS) : -1;
  const decisions = letterhead ? at(MAXIMUS_DECISIONS) : at(DECISIONS);
  if (howMade < 0 && summary < 0 && decisions < 0) {
    throw new ParseError(
      'unknown letter format: found none of the headings "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", ' +
        '"IMR ISSUES, DECISIONS AND RATIONALES", "Notice of Independent Medical Review Determination", "MEDICAL PROFESSIONAL REVIEW"',
    );
  }
  const decisionsName = letterhead ? 'IMR DECISION(S) AND RATIONALE(S)' : 'IMR ISSUES, DECISIONS AND RATIONALES';
  if (decisions < 0) throw new ParseError(`truncated letter: no "${decisionsName}" section`);
  if (summary < 0) throw new ParseError('missing "CLINICAL CASE SUMMARY" section');
  const order = [howMade, summary, documents, decisions].filter((i) => i >= 0);
  if (order.some((v, i) => i > 0 && v < order[i - 1]!)) {
    throw new ParseError(
      `sections out of order: expected HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY${letterhead ? ', DOCUMENTS REVIEWED' : ''}, then ${decisionsName}`,
    );
  }

  const headerLines = lines.slice(0, order[0]);
  const withTable = hasHeaderTable(headerLines);
  const { header, problems } = withTable ? parseHeader(headerLines) : { header: {} as Header, problems: [] };
  const howMadeLines = howMade >= 0 ? lines.slice(howMade + 1, summary) : [];
  const summaryLines = lines.slice(summary + 1, documents >= 0 ? documents : decisions);
  const documentLines = documents >= 0 ? lines.slice(documents + 1, decisions) : [];
  const { intro, items } = parseItems(lines.slice(decisions + 1), { numberedTitles: letterhead });
  if (items.length === 0)
    throw new ParseError(`no disputed items found: no line ending in ": Upheld" or ": Overturned" after "${decisionsName}"`);
  checkComplete(items);

  const summaryParagraphs = paragraphs(summaryLines).map(unglueNumberedList);
  const summaryText = summaryParagraphs.join(' ');
  const howMadeParagraphs = paragraphs(howMadeLines);
  const labelled = readLabelledCredentials(howMadeLines);
  const reviewer =
    labelled.licensedIn.length + labelled.specialties.length > 0 ? labelled : readProseCredentials(howMadeParagraphs.join(' '));
  if (!withTable) Object.assign(header, readProseDates(summaryText));
  return {
    format: letterhead ? 'maximus-header' : withTable ? 'imr-2016' : 'imr-2014',
    header,
    reviewer,
    patient: readPatient(summaryText),
    diagnoses: readDiagnoses(summaryText),
    sections: [
      ...(howMade >= 0 ? [{ heading: SECTION.howMade, paragraphs: howMadeParagraphs }] : []),
      { heading: SECTION.summary, paragraphs: summaryParagraphs },
      ...(documents >= 0 ? [{ heading: SECTION.documents, paragraphs: listOrParagraphs(documentLines) }] : []),
      { heading: SECTION.decisions, paragraphs: intro },
    ],
    items,
    textHash: hashWords(lines),
    warnings: problems,
  };
}
