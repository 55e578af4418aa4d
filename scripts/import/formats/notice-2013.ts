// Early (2013) "Notice of Independent Medical Review Determination" letters. No real sample is
// in the corpus; the fixture test/fixtures/letters/synthetic-notice-2013 follows the shape shown
// above readNotice2013.
import { SECTION } from '../../../src/lib/schema/body-vocab.ts';
import type { ParsedLetter } from '../letter-shape.ts';
import type { RawItem } from '../parse-items.ts';
import { ParseError, checkComplete, hashWords, paragraphs } from '../reader-common.ts';
import { group } from '../match-group.ts';
import { parseHeader } from '../parse-header.ts';
import { readPatient, readDiagnoses, readProseCredentials } from '../parse-facts.ts';

const DECISION_HEADING = /^INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE$/i;
const CASE_SUMMARY = /^Case Summary:\s*/i;
// "1. Lidoderm 5% patches #30 are not medically necessary and appropriate."
const ITEM = /^(?<number>\d{1,2})\.\s+(?<request>.+?)\s+(?:is|are)\s+(?<not>not\s+)?medically necessary and appropriate\.?$/i;
const CLAIMS = /^Claims Administrator guideline(?:\(s\))?(?: used)?:\s*/i;
const REVIEWER = /^Medical Treatment Guideline\(s\)(?: \(MTG\))?(?: Citation)? used by the Expert Reviewer:\s*/i;
const RATIONALE = /^The Expert Reviewer'?s decision rationale:\s*/i;

// The shape of a notice:
//
//   Notice of Independent Medical Review Determination
//   Dated: 08/23/2013
//   IMR Case Number:  CM13-0004321        Date of Injury:       01/05/2012
//   ...
//             INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
//   The expert reviewer is Board Certified in ... and is licensed to practice in California.
//   Case Summary:
//   ...
//   1. Lidoderm 5% patches #30 are not medically necessary and appropriate.
//   Claims Administrator guideline: ...
//   Medical Treatment Guideline(s) used by the Expert Reviewer: ...
//   The Expert Reviewer's decision rationale:
//   ...
export function readNotice2013(lines: string[]): ParsedLetter {
  const heading = lines.findIndex((l) => DECISION_HEADING.test(l.trim()));
  if (heading < 0) throw new ParseError('truncated notice: no "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" section');
  const { header, problems } = parseHeader(lines.slice(0, heading));
  // The preamble's prose, without the title and the header table already read above.
  const preamble = paragraphs(lines.slice(0, heading)).filter((p) => !/:\s+\S/.test(p.slice(0, 60)) || /^Final Determination:/i.test(p));
  const body = paragraphs(lines.slice(heading + 1));
  const firstItem = body.findIndex((p) => ITEM.test(p));
  if (firstItem < 0) throw new ParseError('no disputed items found: no numbered "... is (not) medically necessary and appropriate." line');
  const summaryStart = body.findIndex((p) => CASE_SUMMARY.test(p));
  const credentials = body.slice(0, summaryStart >= 0 ? summaryStart : firstItem);
  const summary =
    summaryStart >= 0
      ? body
          .slice(summaryStart, firstItem)
          .map((p) => p.replace(CASE_SUMMARY, ''))
          .filter(Boolean)
      : [];
  const items = readItems(body.slice(firstItem));
  checkComplete(items);
  checkFinalDetermination(preamble, items);
  const summaryText = summary.join(' ');
  return {
    format: 'notice-2013',
    header,
    reviewer: readProseCredentials(credentials.join(' ')),
    patient: readPatient(summaryText),
    diagnoses: readDiagnoses(summaryText),
    sections: [
      { heading: SECTION.notice, paragraphs: preamble },
      { heading: SECTION.reviewer, paragraphs: credentials },
      { heading: SECTION.summary, paragraphs: summary },
      { heading: SECTION.decisions, paragraphs: [] },
    ],
    items,
    textHash: hashWords(lines),
    warnings: problems,
  };
}

function readItems(body: string[]): RawItem[] {
  const items: RawItem[] = [];
  let inRationale = false;
  for (const p of body) {
    const m = ITEM.exec(p);
    if (m?.groups) {
      if (Number(m.groups.number) !== items.length + 1) {
        throw new ParseError(
          `item numbered ${m.groups.number} follows item ${items.length}: an item is missing or its decision line cannot be read`,
        );
      }
      const request = group(m, 'request').trim();
      items.push({ title: request, request, outcome: m.groups.not ? 'upheld' : 'overturned', rationale: [] });
      inRationale = false;
      continue;
    }
    const item = items.at(-1);
    if (!item) throw new ParseError(`text before the first item: "${p.slice(0, 80)}"`);
    const n = items.length;
    // A second field in one item is the next item's, whose decision line was not recognised.
    const twice = (field: string) =>
      new ParseError(`item ${n} ("${item.request}") has a second "${field}" field: the item after it has no readable decision line`);
    if (CLAIMS.test(p)) {
      if (item.claimsAdministrator !== undefined) throw twice('Claims Administrator guideline');
      item.claimsAdministrator = p.replace(CLAIMS, '');
    } else if (REVIEWER.test(p)) {
      if (item.reviewer !== undefined) throw twice('Medical Treatment Guideline(s) used by the Expert Reviewer');
      item.reviewer = p.replace(REVIEWER, '');
    } else if (RATIONALE.test(p)) {
      if (inRationale) throw twice("The Expert Reviewer's decision rationale");
      inRationale = true;
      const rest = p.replace(RATIONALE, '');
      if (rest) item.rationale.push(rest);
    } else if (inRationale) item.rationale.push(p);
    else
      throw new ParseError(
        `text in item ${n} ("${item.request}") belongs to none of its fields: "${p.slice(0, 80)}${p.length > 80 ? '…' : ''}"`,
      );
  }
  return items;
}

// "Final Determination: UPHOLD" (every item upheld), "OVERTURN" (none), "UPHOLD IN PART" (some).
const FINAL_DETERMINATION = /^Final Determination:\s*(UPHOLD IN PART|UPHOLD|OVERTURN)\b/i;

/** The notice states its overall result first: items that disagree with it are not all the notice's items. */
function checkFinalDetermination(preamble: string[], items: RawItem[]): void {
  const stated = preamble.map((p) => FINAL_DETERMINATION.exec(p)?.[1]?.toUpperCase()).find(Boolean);
  if (!stated) return;
  const upheld = items.filter((i) => i.outcome === 'upheld').length;
  const fits = stated === 'UPHOLD' ? upheld === items.length : stated === 'OVERTURN' ? upheld === 0 : upheld > 0 && upheld < items.length;
  if (!fits) {
    throw new ParseError(
      `truncated or malformed notice: "Final Determination: ${stated}" but ${upheld} of ${items.length} item${items.length === 1 ? '' : 's'} read ${upheld === 1 ? 'is' : 'are'} upheld`,
    );
  }
}
