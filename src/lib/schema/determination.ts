// The determination: one IMR final determination letter as frontmatter of a Markdown file.
// This module is the single source of truth: the build's letter store (src/data/letter-store.ts),
// the importer, `check` and the tests all validate against it. Types are derived, never written by hand.
import { z } from 'zod';
import { IsoDate, LetterFormat, Outcome, Priority, Sex, Slug, Text } from './vocab.ts';

/** One guideline reference as the letter gives it. */
export const CitationSchema = z.strictObject({
  /** Slug of the guideline in content/guidelines/ (the "other" entry when nothing matches). */
  guideline: Slug,
  /** Section or topic as cited ("Special Studies", "Preoperative lab testing"), when given. */
  section: Text.optional(),
  /** Cited page numbers, ranges expanded ("78-80" -> 78, 79, 80), when given. */
  pages: z.array(z.number().int().positive()).min(1).optional(),
  /** The words of the letter this citation was read from, verbatim. */
  text: Text,
});
export type Citation = z.output<typeof CitationSchema>;

/** A partly authorized request: what was asked, what UR allowed, what went to IMR. */
export const ModifiedSchema = z.strictObject({
  /** The original request as written ("Norco 10/325mg #60"). */
  originalRequest: Text,
  /** What the claims administrator authorized ("Norco 10/325mg #25"). */
  authorized: Text,
});

/** One disputed item/service and the decision on it. */
export const ItemSchema = z.strictObject({
  /** The item as written in its decision heading, wrapped lines joined. */
  request: Text,
  /** Upheld: the denial stands; overturned: the treatment is medically necessary. */
  outcome: Outcome,
  /** Slug of the treatment type in content/treatments.yml. */
  treatmentType: Slug,
  /** Slugs of the body regions its request names (content/body-regions.yml), in catalogue order; empty when it names none (most drugs). */
  bodyRegions: z.array(Slug),
  /** Present when the claims administrator authorized part of the original request. */
  modified: ModifiedSchema.optional(),
  /** Guidelines relied on, by each side; empty when the letter says none was cited. */
  citations: z.strictObject({
    /** "Claims Administrator guideline:" */
    claimsAdministrator: z.array(CitationSchema),
    /** "MAXIMUS guideline:" (the IMR reviewer's own basis). */
    reviewer: z.array(CitationSchema),
  }),
});
export type Item = z.output<typeof ItemSchema>;

export const DeterminationSchema = z.strictObject({
  /** IMR case number when the letter has one, else "imr-" + 16 hex of the sha256 of its words. */
  id: z.string().regex(/^(CM\d{2}-\d{7}|imr-[0-9a-f]{16})$/, 'expected a case number like "CM16-0213037" or "imr-" and 16 hex digits'),
  /** The IMR case number, or null when the letter does not show one. */
  caseNumber: z
    .string()
    .regex(/^CM\d{2}-\d{7}$/)
    .nullable(),
  /** Header dates, each absent when the letter does not give it. */
  dates: z.strictObject({
    /** Date Assigned: case assigned to the reviewer. */
    assigned: IsoDate.optional(),
    /** Decision Date: date of the final determination. */
    decided: IsoDate.optional(),
    /** Date of Injury. */
    injury: IsoDate.optional(),
    /** UR Denial Date: the utilization review decision under dispute. */
    urDenial: IsoDate.optional(),
    /** Application Received: IMR application date. */
    applicationReceived: IsoDate.optional(),
  }),
  /** Review track, when given. */
  priority: Priority.optional(),
  /** The injured worker, as the case summary states. */
  patient: z.strictObject({
    /** Age in years. */
    age: z.number().int().min(10).max(110).optional(),
    /** Sex. */
    sex: Sex.optional(),
  }),
  /** The expert reviewer's credentials as stated. */
  reviewer: z.strictObject({
    /** States of licensure ("California", "North Carolina"). */
    licensedIn: z.array(Text),
    /** Board certifications / specialties ("Family Practice"). */
    specialties: z.array(Text),
  }),
  /** Diagnoses named in the clinical case summary. */
  diagnoses: z.array(Text),
  /** Disputed items in letter order. */
  items: z.array(ItemSchema).min(1),
  /** Where this determination was read from. */
  source: z.strictObject({
    /** Input file name (no folders). */
    file: Text,
    /** sha256 of the input file's bytes, hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Letter format the parser recognised. */
    format: LetterFormat,
    /** True for fixtures written by hand in a format with no real sample. */
    synthetic: z.boolean().optional(),
  }),
});
export type Determination = z.output<typeof DeterminationSchema>;
