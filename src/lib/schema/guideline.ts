// A guideline of the catalogue: one YAML file per guideline in content/guidelines/.
// Adding a guideline is adding a file; no code names a guideline.
import { z } from 'zod';
import { ShownText, Slug, Text } from './vocab.ts';

/** A section (or topic) of a guideline, with the pages it covers where the guideline is cited by page. */
export const GuidelineSectionSchema = z.strictObject({
  /** Canonical section name as the letters print it ("Special Studies"). */
  name: Text,
  /** Other spellings seen in letters, matched case-insensitively ("Electro- diagnostic testing"). */
  aliases: z.array(Text).default([]),
  /** Pages of the printed guideline this topic is on (Chronic Pain 2009: 121 = NMES). */
  pages: z.array(z.number().int().positive()).default([]),
});
export type GuidelineSection = z.output<typeof GuidelineSectionSchema>;

export const GuidelineSchema = z.strictObject({
  /** URL slug; must equal the file name without .yml. */
  slug: Slug,
  /** Full title shown on the site. */
  title: Text,
  /** Short label for lists and citation lines ("MTUS Low Back 2004"). */
  short: Text,
  /** Which body of guidance: MTUS chapters, ODG, ACOEM outside MTUS, or anything else. */
  family: z.enum(['mtus', 'odg', 'acoem', 'other']),
  /** Edition year, when the guideline has one. */
  year: z.number().int().optional(),
  /** One-line description for the catalogue page. */
  description: ShownText.default(''),
  /**
   * Case-insensitive regular expressions tried against one citation's guideline name
   * (the words before ", Section(s):" or before the topic). The most specific file wins:
   * the catalogue is tried in order of `priority` (higher first), then slug.
   */
  match: z.array(z.string().min(1)).min(1),
  /** Tie-breaker when several guidelines match; the fallback "other" entry has the lowest. */
  priority: z.number().int().default(0),
  /** Known sections; cited sections not listed here still get their own page. */
  sections: z.array(GuidelineSectionSchema).default([]),
});
export type Guideline = z.output<typeof GuidelineSchema>;
