import type { LetterFormat } from './schema/index.ts';

/**
 * The letter's own name for the reviewer's guideline line: "MAXIMUS guideline:" in most layouts,
 * other words in the two older ones.
 */
export function reviewerLabel(format: LetterFormat): string {
  if (format === 'notice-2013') return 'Guideline used by the Expert Reviewer';
  if (format === 'medical-professional-review') return 'Guideline relied upon by the professional reviewer';
  return 'MAXIMUS guideline';
}
