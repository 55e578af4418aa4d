import type { LetterFormat } from '../schema/vocab.ts';

// The words each layout uses for an item's two guideline lines. The importer writes them into the
// body and the determination page strips those lines again (it shows the linked citations), so
// both read them from here.

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

/** Every guideline-line label, for matching the rendered lines. */
export const GUIDELINE_LABELS: readonly string[] = [CLAIMS_ADMINISTRATOR_LABEL, ...new Set(Object.values(REVIEWER_LABEL))];
