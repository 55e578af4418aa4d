// A guideline of the catalogue: one YAML file per guideline in content/guidelines/.
// Adding a guideline is adding a file; no code names a guideline.
import { z } from 'zod';
import { ShownText, Slug, Text } from './vocab.ts';

/**
 * How far a section's page range can be trusted: `cited` when letters cite a page of it for this
 * topic (the section's `citedIn` names them), `unverified` when it is recalled from the printed
 * guideline and not yet checked against it. Pages show an "unverified" mark for the latter.
 */
export const PageCertaintySchema = z.enum(['cited', 'unverified']);
export type PageCertainty = z.output<typeof PageCertaintySchema>;

/** A section (or topic) of a guideline, with the pages it covers where the guideline is cited by page. */
export const GuidelineSectionSchema = z
  .strictObject({
    /** Canonical section name as the letters print it ("Special Studies"). */
    name: Text,
    /** Other spellings seen in letters, matched case-insensitively ("Electro- diagnostic testing"). */
    aliases: z.array(Text).default([]),
    /** Pages of the printed guideline this topic is on (Chronic Pain 2009: 121 = NMES). */
    pages: z.array(z.number().int().positive()).default([]),
    /** How sure `pages` is (see PageCertaintySchema); required with `pages`, only with them. */
    certainty: PageCertaintySchema.optional(),
    /** Provenance of a `cited` range: ids of letters that cite a page of it for this topic. */
    citedIn: z.array(z.string().min(1)).default([]),
  })
  .superRefine((section, ctx) => {
    // The field's own value as the "got" of the message, not the whole section.
    const problem = (path: 'certainty' | 'citedIn', message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, input: section[path] });
    if (section.pages.length > 0 && !section.certainty) problem('certainty', 'a page range needs a certainty: "cited" or "unverified"');
    if (section.pages.length === 0 && section.certainty) problem('certainty', 'only a section with pages has a certainty');
    if (section.certainty === 'cited' && section.citedIn.length === 0)
      problem('citedIn', 'a "cited" page range names the letters that cite it');
    if (section.certainty !== 'cited' && section.citedIn.length > 0) problem('certainty', 'a range with letters in citedIn is "cited"');
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
  /**
   * For readers, on the catalogue and the guideline's page: what the guideline is, how it is cited
   * (regulation, edition, chapter) and its effective dates, as far as they are known for certain.
   * Notes on the catalogue's own data (sources, doubts) go in the data (`certainty`), not here.
   */
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
