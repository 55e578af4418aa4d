import { citationTargets } from '../catalogue/citation-targets.ts';
import type { Citation, Determination, Guideline } from '../schema/index.ts';
import { requestSpan } from './item-heading.ts';
import { namedGroups, type NameGroup } from './name-match.ts';
import { resultCsvMeta, type ResultMeta } from './download-data.ts';
import { determinationPath } from '../paths/routes.ts';

/**
 * What the search filters on, per letter and per disputed item. The build writes it for every
 * letter, with the CSV download's data, as a line of its period's file in SEARCH_DATA_DIR; the search index turns it
 * into one facet table per shard (facet-table.ts) that the search page filters and counts with,
 * item by item.
 */
export interface LetterFacts {
  /** Decision year ("2016"); absent when the letter states no date. */
  year?: string;
  /** Reviewer specialties as the letter writes them. */
  specialty: string[];
  priority?: string;
  items: ItemFacts[];
  /** Label of each section value the items cite ("mtus-chronic-pain-2009/page-121" → "MTUS Chronic Pain 2009, page 121"). */
  sections: Record<string, string>;
  /** The catalogue family of each guideline the items cite ("odg-pain" → "odg"); a slug the catalogue lacks has none. */
  families: Record<string, string>;
}

export interface ItemFacts {
  outcome: string;
  treatment: string;
  /** Body region slugs; empty when the request names none. */
  regions: string[];
  /** Where the request's words stand in the item's search record (item-heading.ts). */
  request: [number, number];
  /** Keys of the synonym groups the request names (name-match.ts). */
  names: string[];
  /** What each side's guideline line cites. */
  claims: CitedFacts;
  reviewer: CitedFacts;
}

export interface CitedFacts {
  /** Guideline slugs (their families are the letter's `families`). */
  guideline: string[];
  /** `<guideline>/<key>`: the section pages cited (a named section, or `page-<n>`). */
  section: string[];
}

const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

function cited(
  citations: readonly Citation[],
  guidelineOf: (slug: string) => Guideline | undefined,
  labels: Record<string, string>,
  families: Record<string, string>,
): CitedFacts {
  const sections: string[] = [];
  for (const c of citations) {
    const guideline = guidelineOf(c.guideline);
    if (guideline) families[c.guideline] = guideline.family;
    for (const target of citationTargets(c, guideline)) {
      const value = `${c.guideline}/${target.key}`;
      sections.push(value);
      labels[value] = `${guideline?.short ?? c.guideline}, ${target.page !== undefined ? `page ${target.page}` : target.title}`;
    }
  }
  return {
    guideline: unique(citations.map((c) => c.guideline)),
    section: unique(sections),
  };
}

/** The search facts of one letter; `guidelineOf` looks a slug up in the catalogue, `groups` are its synonyms. */
export function searchFacts(
  d: Determination,
  guidelineOf: (slug: string) => Guideline | undefined,
  groups: readonly NameGroup[] = [],
): LetterFacts {
  const sections: Record<string, string> = {};
  const families: Record<string, string> = {};
  const year = d.dates.decided?.slice(0, 4);
  return {
    ...(year ? { year } : {}),
    specialty: unique(d.reviewer.specialties),
    ...(d.priority ? { priority: d.priority } : {}),
    items: d.items.map((item, i) => ({
      outcome: item.outcome,
      treatment: item.treatmentType,
      regions: item.bodyRegions,
      request: requestSpan(i + 1, item.request),
      names: namedGroups(item.request, groups),
      claims: cited(item.citations.claimsAdministrator, guidelineOf, sections, families),
      reviewer: cited(item.citations.reviewer, guidelineOf, sections, families),
    })),
    sections,
    families,
  };
}

/** What the search index reads of a letter besides its page: the filter facts and the CSV download's data. */
export interface SearchRecordData {
  /** Its page in the built site ("determinations/<id>/index.html"); first, as the indexer reads it alone (scripts/search-index.ts). */
  page: string;
  facts: LetterFacts;
  result: ResultMeta;
}

/**
 * Where the build writes every letter's SearchRecordData, one JSON line each, in the built site:
 * the search index's input, handed over as data (the search page never fetches it). A file per
 * period of the open data (a decision year or "undated"), so a build writes again only the periods
 * whose letters changed; the indexer reads them all.
 */
export const SEARCH_DATA_DIR = 'search/letters/';

/** The search data file of a period ("search/letters/2016.jsonl"). */
export function searchDataFile(period: string): string {
  return `${SEARCH_DATA_DIR}${period}.jsonl`;
}

/** The line of one letter. */
export function searchDataLine(
  d: Determination,
  guidelineOf: (slug: string) => Guideline | undefined,
  groups: readonly NameGroup[],
): string {
  const data: SearchRecordData = {
    page: `${determinationPath(d.id).slice(1)}index.html`,
    facts: searchFacts(d, guidelineOf, groups),
    result: resultCsvMeta(d),
  };
  return `${JSON.stringify(data)}\n`;
}
