// "MEDICAL PROFESSIONAL REVIEW" letters. No real sample is in the corpus; the fixture
// test/fixtures/letters/synthetic-medical-professional-review follows the shape shown above
// readProfessionalReview. The outcome is not a label here: it is the rationale's conclusion
// ("is not medically necessary").
import { SECTION } from '../../../src/lib/schema/body-vocab.ts';
import type { ParsedLetter } from '../letter-shape.ts';
import { ParseError, checkComplete, hashWords, paragraphs } from '../reader-common.ts';
import { parseHeader } from '../parse-header.ts';
import { readPatient, readDiagnoses, readProseCredentials } from '../parse-facts.ts';

const LABELS = {
  issue: /^ISSUE(?:S)? AT DISPUTE:$/i,
  summary: /^CASE SUMMARY:$/i,
  documents: /^DOCUMENTS REVIEWED FOR DETERMINATION:$/i,
  guidelines: /^MEDICAL TREATMENT GUIDELINE\(S\) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:$/i,
  rationale: /^RATIONALE FOR WHY THE REQUESTED TREATMENT\/SERVICE IS\/WAS NOT MEDICALLY NECESSARY:$/i,
  qualifications: /^MEDICAL REVIEWER QUALIFICATIONS:$/i,
};
type Label = keyof typeof LABELS;
const CONCLUSION = /\b(?:is|are|was|were)\s+(not\s+)?medically\s+necessary/gi;

// The shape of such a letter:
//
//   MEDICAL PROFESSIONAL REVIEW
//   Case Number:   CM14-0109876
//   Decision Date: 10/02/2014             Date of Injury:  06/18/2010
//   ISSUE AT DISPUTE:
//   1. Lumbar epidural steroid injection at L4-L5
//   CASE SUMMARY:
//   DOCUMENTS REVIEWED FOR DETERMINATION:
//   MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:
//   RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:
//   MEDICAL REVIEWER QUALIFICATIONS:
export function readProfessionalReview(lines: string[]): ParsedLetter {
  const starts = (Object.keys(LABELS) as Label[]).map((label) => ({ label, at: lines.findIndex((l) => LABELS[label].test(l.trim())) }));
  const missing = starts.filter((s) => s.at < 0 && s.label !== 'documents' && s.label !== 'qualifications');
  if (missing.length > 0)
    throw new ParseError(`malformed MEDICAL PROFESSIONAL REVIEW: missing section(s) ${missing.map((m) => `"${m.label}"`).join(', ')}`);
  // The reviewer's qualifications close the letter: without them it was cut after the rationale.
  if (starts.find((s) => s.label === 'qualifications')!.at < 0)
    throw new ParseError('truncated letter: no closing "MEDICAL REVIEWER QUALIFICATIONS:" section');
  const found = starts.filter((s) => s.at >= 0).sort((a, b) => a.at - b.at);
  const section = (label: Label) => {
    const i = found.findIndex((s) => s.label === label);
    const start = found[i];
    return start ? paragraphs(lines.slice(start.at + 1, found[i + 1]?.at ?? lines.length)) : [];
  };
  const issues = section('issue')
    .join(' ')
    .split(/\s*\b\d{1,2}\.\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const issue = issues[0];
  if (issue === undefined || issues.length !== 1)
    throw new ParseError(`MEDICAL PROFESSIONAL REVIEW with ${issues.length} issues at dispute: only single-issue letters are supported`);
  const rationale = section('rationale');
  const conclusions = [...rationale.join(' ').matchAll(CONCLUSION)];
  const last = conclusions.at(-1);
  if (!last) throw new ParseError('truncated letter: the rationale never concludes whether the request "is (not) medically necessary"');
  // The guideline section names the guideline in its first sentence, then says why it applies.
  const guidelines = section('guidelines').join(' ');
  const cut = /\.\s+(?=[A-Z])/.exec(guidelines);
  const citation = cut ? guidelines.slice(0, cut.index + 1) : guidelines;
  const why = cut ? guidelines.slice(cut.index + 1).trim() : '';
  const outcome = last[1] ? ('upheld' as const) : ('overturned' as const);
  const items = [{ title: issue, request: issue, outcome, reviewer: citation, rationale: [...(why ? [why] : []), ...rationale] }];
  checkComplete(items);
  const { header, problems } = parseHeader(lines.slice(0, found[0]!.at));
  const summary = section('summary');
  const summaryText = summary.join(' ');
  return {
    format: 'medical-professional-review',
    header,
    reviewer: readProseCredentials(section('qualifications').join(' ')),
    patient: readPatient(summaryText),
    diagnoses: readDiagnoses(summaryText),
    sections: [
      { heading: SECTION.summary, paragraphs: summary },
      { heading: SECTION.documents, paragraphs: section('documents') },
      { heading: SECTION.qualifications, paragraphs: section('qualifications') },
      { heading: SECTION.decisions, paragraphs: [] },
    ],
    items,
    textHash: hashWords(lines),
    warnings: problems,
  };
}
