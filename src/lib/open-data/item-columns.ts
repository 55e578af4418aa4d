// The columns of every items CSV (data/items.csv and each list's items.csv): one row per disputed
// item. Each column's name, what it holds (the /data/ page prints these) and its value are here.
import { citationText, LIST_SEPARATOR } from './citation-text.ts';
import type { Cell } from './csv.ts';
import type { Citation, Determination } from '../schema/index.ts';

export interface ItemRowContext {
  /** Display label of a treatment type slug. */
  treatmentLabel(slug: string): string;
  /** Short name of a guideline slug. */
  guidelineLabel(slug: string): string;
  /** Absolute URL of a determination page, at the item's anchor. */
  pageUrl(id: string, itemNumber: number): string;
}

export interface ItemColumn {
  name: string;
  /** What the column holds, for people. */
  doc: string;
  value(d: Determination, itemNumber: number, ctx: ItemRowContext): Cell;
}

const item = (d: Determination, n: number) => d.items[n - 1]!;
const citations = (list: readonly Citation[], ctx: ItemRowContext) =>
  list.map((c) => citationText(c, ctx.guidelineLabel)).join(LIST_SEPARATOR);

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  {
    name: 'determination_id',
    doc: 'The determination: its IMR case number, or "imr-" and 16 hex digits for a letter without one (the id in determinations.jsonl).',
    value: (d) => d.id,
  },
  { name: 'case_number', doc: 'IMR case number (CM16-0213037); empty when the letter shows none.', value: (d) => d.caseNumber ?? '' },
  { name: 'decided', doc: 'Decision date, YYYY-MM-DD; empty when the letter gives none.', value: (d) => d.dates.decided ?? '' },
  { name: 'item_number', doc: 'Position of the item in the letter: 1, 2, …', value: (_d, n) => n },
  { name: 'request', doc: 'The disputed treatment as the letter words it.', value: (d, n) => item(d, n).request },
  {
    name: 'treatment_type',
    doc: 'Treatment type the request was classified as.',
    value: (d, n, ctx) => ctx.treatmentLabel(item(d, n).treatmentType),
  },
  { name: 'treatment_type_slug', doc: 'Key of the treatment type, as in /treatments/<slug>/.', value: (d, n) => item(d, n).treatmentType },
  {
    name: 'body_regions',
    doc: 'Body regions the request names, as keys ("lumbar-spine"; the list /treatments/<type>/regions/<key>/), separated by "; "; empty when it names none (most drugs).',
    value: (d, n) => item(d, n).bodyRegions.join(LIST_SEPARATOR),
  },
  {
    name: 'outcome',
    doc: 'upheld (the denial stands) or overturned (the reviewer found the treatment medically necessary).',
    value: (d, n) => item(d, n).outcome,
  },
  {
    name: 'reviewer_citations',
    doc: 'Guidelines the IMR reviewer relied on, each with the section and pages cited ("MTUS Chronic Pain 2009: Opioids, pp. 78–80"), separated by "; "; empty when none was cited.',
    value: (d, n, ctx) => citations(item(d, n).citations.reviewer, ctx),
  },
  {
    name: 'claims_administrator_citations',
    doc: 'Guidelines the claims administrator (utilization review) cited, in the same form; empty when none was cited.',
    value: (d, n, ctx) => citations(item(d, n).citations.claimsAdministrator, ctx),
  },
  {
    name: 'reviewer_specialties',
    doc: 'Board certifications of the expert reviewer, separated by "; ".',
    value: (d) => d.reviewer.specialties.join(LIST_SEPARATOR),
  },
  { name: 'priority', doc: 'standard or expedited review; empty when the letter does not say.', value: (d) => d.priority ?? '' },
  { name: 'page_url', doc: 'The item on this site: the determination page at the item.', value: (d, n, ctx) => ctx.pageUrl(d.id, n) },
];

export const ITEM_HEADER: readonly string[] = ITEM_COLUMNS.map((c) => c.name);

/** The CSV row of item `itemNumber` (1-based) of a determination. */
export function itemRow(d: Determination, itemNumber: number, ctx: ItemRowContext): Cell[] {
  return ITEM_COLUMNS.map((c) => c.value(d, itemNumber, ctx));
}
