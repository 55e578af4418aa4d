// What parse-letter and the layout readers in formats/ produce: its own module, so the readers
// and parse-letter (which dispatches to them) import no circle.
import type { LetterFormat } from '../../src/lib/schema/vocab.ts';
import type { Header } from './parse-header.ts';
import type { RawItem } from './parse-items.ts';
import type { Credentials } from './parse-facts.ts';

/** A letter split into its parts, before classification. */
export interface ParsedLetter {
  format: LetterFormat;
  header: Header;
  reviewer: Credentials;
  patient: { age?: number; sex?: 'female' | 'male' };
  diagnoses: string[];
  /** Body sections in letter order; the last one holds the items. */
  sections: Array<{ heading: string; paragraphs: string[] }>;
  items: RawItem[];
  /** sha256 of the letter's words (spacing and page layout ignored): the same for its PDF and its text. */
  textHash: string;
  /** Non-fatal oddities worth a look (reported, not skipped). */
  warnings: string[];
}
