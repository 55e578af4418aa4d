import { reviewerBases } from './reviewer-basis.ts';
import { compareSections } from './index-guidelines.ts';
import type { SectionTarget } from './citation-targets.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { Guideline } from '../schema/index.ts';

/** Items of one treatment type whose reviewer cited one section (or page) of a guideline. */
export interface TreatmentSectionEntry extends SectionTarget {
  items: ItemRef[];
}

/** Items of one treatment type whose reviewer cited one guideline, and the sections cited. */
export interface TreatmentGuidelineEntry {
  treatment: string;
  guideline: string;
  /** Every such item, with or without a section, in the order of the items given. */
  items: ItemRef[];
  /** Cited sections: named sections A–Z, then pages in page order. */
  sections: TreatmentSectionEntry[];
}

/**
 * Treatment type × the guideline the reviewer based the decision on: the lists behind the
 * /outcomes/ table and the "before this decision" figures. Ordered by treatment slug, then
 * guideline slug, so the pages come out the same on every build.
 */
export function indexTreatmentGuidelines(items: readonly ItemRef[], guidelines: readonly Guideline[]): TreatmentGuidelineEntry[] {
  const basisOf = reviewerBases(guidelines);
  const entries = new Map<string, { entry: TreatmentGuidelineEntry; sections: Map<string, TreatmentSectionEntry> }>();
  for (const ref of items) {
    const basis = basisOf(ref.item);
    for (const guideline of basis.guidelines) {
      const id = `${ref.item.treatmentType} ${guideline}`;
      let e = entries.get(id);
      if (!e) {
        e = { entry: { treatment: ref.item.treatmentType, guideline, items: [], sections: [] }, sections: new Map() };
        entries.set(id, e);
      }
      e.entry.items.push(ref);
      for (const target of basis.targets.filter((t) => t.guideline === guideline)) {
        let section = e.sections.get(target.key);
        if (!section) {
          section = { ...target, items: [] };
          e.sections.set(target.key, section);
        }
        section.items.push(ref);
      }
    }
  }
  return [...entries.values()]
    .map(({ entry, sections }) => ({ ...entry, sections: [...sections.values()].sort(compareSections) }))
    .sort((a, b) =>
      a.treatment !== b.treatment
        ? a.treatment < b.treatment
          ? -1
          : 1
        : a.guideline < b.guideline
          ? -1
          : a.guideline > b.guideline
            ? 1
            : 0,
    );
}
