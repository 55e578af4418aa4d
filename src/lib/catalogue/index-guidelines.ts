import { citationTargets, type SectionTarget } from './citation-targets.ts';
import { titleName } from './guideline-names.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { Guideline } from '../schema/index.ts';

/** Which side of the dispute cited a guideline: the letter's two guideline lines. */
export type CitingSide = 'claimsAdministrator' | 'reviewer';

/** An item as listed under a guideline or section, with the sides that cited it there. */
export interface CitedItem extends ItemRef {
  sides: CitingSide[];
}

export interface SectionEntry extends SectionTarget {
  /** Distinct items citing this section, in the order of the items given. */
  items: CitedItem[];
}

export interface GuidelineEntry {
  slug: string;
  /** The catalogue entry; undefined for a slug that items cite but the catalogue lacks. */
  guideline: Guideline | undefined;
  /** Distinct items citing the guideline at all (with or without a section). */
  items: CitedItem[];
  /** Cited sections: named sections A–Z, then pages in page order. */
  sections: SectionEntry[];
}

const FAMILY_ORDER = ['mtus', 'acoem', 'odg', 'other'];
const SIDES: CitingSide[] = ['claimsAdministrator', 'reviewer'];

// Items are indexed one after the other, so an item a list already holds is its last entry: no
// lookup per citation (on a large corpus a map of the items seen was the index's largest cost).
function addCited(list: CitedItem[], ref: ItemRef, side: CitingSide): void {
  const last = list.at(-1);
  const cited = last && last.determinationId === ref.determinationId && last.number === ref.number ? last : { ...ref, sides: [] };
  if (cited !== last) list.push(cited);
  if (!cited.sides.includes(side)) cited.sides.push(side);
}

/**
 * The catalogue with, for every guideline, the items citing it and its cited sections.
 * Every catalogue guideline is listed (uncited ones with no items); slugs cited but missing from
 * the catalogue are listed after it so their links still resolve. Order: MTUS, ACOEM, ODG, other,
 * then title.
 */
export function indexGuidelines(items: readonly ItemRef[], guidelines: readonly Guideline[]): GuidelineEntry[] {
  const bySlug = new Map(guidelines.map((g) => [g.slug, g]));
  const entries = new Map<string, { entry: GuidelineEntry; sections: Map<string, SectionEntry> }>();
  const entryFor = (slug: string) => {
    let e = entries.get(slug);
    if (!e) {
      e = { entry: { slug, guideline: bySlug.get(slug), items: [], sections: [] }, sections: new Map() };
      entries.set(slug, e);
    }
    return e;
  };
  for (const g of guidelines) entryFor(g.slug);

  for (const ref of items) {
    for (const side of SIDES) {
      for (const citation of ref.item.citations[side]) {
        const e = entryFor(citation.guideline);
        addCited(e.entry.items, ref, side);
        for (const target of citationTargets(citation, e.entry.guideline)) {
          let section = e.sections.get(target.key);
          if (!section) {
            section = { ...target, items: [] };
            e.sections.set(target.key, section);
          }
          addCited(section.items, ref, side);
        }
      }
    }
  }

  const result = [...entries.values()].map(({ entry, sections }) => ({
    ...entry,
    sections: [...sections.values()].sort(compareSections),
  }));
  return result.sort(compareGuidelines);
}

/** Named sections A–Z, then pages in page order. */
export function compareSections(a: SectionTarget, b: SectionTarget): number {
  if (a.page !== undefined && b.page !== undefined) return a.page - b.page;
  if (a.page !== undefined) return 1;
  if (b.page !== undefined) return -1;
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
}

function compareGuidelines(a: GuidelineEntry, b: GuidelineEntry): number {
  const rank = (e: GuidelineEntry) => (e.guideline ? FAMILY_ORDER.indexOf(e.guideline.family) : FAMILY_ORDER.length);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return titleName(a).localeCompare(titleName(b), 'en', { sensitivity: 'base' });
}
