// Closed vocabularies shared by the determination schema, the importer and the site.
import { z } from 'zod';
import { UNSAFE_CHAR } from '../format/unsafe-text.ts';

/** What the IMR reviewer did with the utilization-review denial of one disputed item. */
export const Outcome = z.enum(['upheld', 'overturned']);
export type Outcome = z.output<typeof Outcome>;

/** Review track given in the letter header. */
export const Priority = z.enum(['standard', 'expedited']);

/** Patient sex as the clinical case summary states it. */
export const Sex = z.enum(['female', 'male']);

/** Letter layouts the importer recognises (see scripts/import/formats/). */
export const LetterFormat = z.enum([
  'imr-2016', // 2016–17 letters: two-column header table, "MAXIMUS guideline:" per item
  'imr-2014', // 2014 letters: no header page kept, citations by "Page(s):"
  'maximus-header', // "MAXIMUS FEDERAL SERVICES, INC." letterhead, "IMR DECISION(S) AND RATIONALE(S)"
  'notice-2013', // early "Notice of Independent Medical Review Determination"
  'medical-professional-review', // "MEDICAL PROFESSIONAL REVIEW" with "ISSUE AT DISPUTE:"
]);
export type LetterFormat = z.output<typeof LetterFormat>;

/** Lower-case, dash-separated identifier used in URLs and data references. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug like "mtus-low-back-2004"');

/** Calendar date as ISO YYYY-MM-DD; a day the calendar lacks (2016-02-30, 2015-02-29) is refused as that. */
export const IsoDate = z.iso.date({
  error: (issue) =>
    typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input)
      ? 'expected a real calendar date'
      : 'expected an ISO date YYYY-MM-DD',
});

/**
 * Text a page shows as a title, a heading, a list entry or a search filter value: no control
 * character and no bidirectional formatting character (U+202E ...), which would hide or reorder
 * what is shown. May be empty; `Text` is the same with at least one character.
 */
export const ShownText = z
  .string()
  .refine((s) => !UNSAFE_CHAR.test(s), 'expected text without control or bidirectional formatting characters');

/** Shown text of at least one character (see ShownText). */
export const Text = z.string().min(1).pipe(ShownText);
