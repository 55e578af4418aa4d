import type { GuidelineEntry, SectionEntry } from './index-guidelines.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';

export interface SectionCount {
  guideline: GuidelineEntry;
  section: SectionEntry;
  /** How many of the given items cite this section. */
  count: number;
}

/**
 * The guideline sections the given items cite most (each item counted once per section),
 * most cited first, ties by guideline then section order of the index.
 */
export function topSections(items: readonly ItemRef[], index: readonly GuidelineEntry[], limit = 10): SectionCount[] {
  const wanted = new Set(items.map((r) => `${r.determinationId}#${r.number}`));
  const counts: SectionCount[] = [];
  for (const guideline of index) {
    for (const section of guideline.sections) {
      const count = section.items.filter((r) => wanted.has(`${r.determinationId}#${r.number}`)).length;
      if (count > 0) counts.push({ guideline, section, count });
    }
  }
  // Array.prototype.sort is stable, so equal counts keep index order.
  return counts.sort((a, b) => b.count - a.count).slice(0, limit);
}

/**
 * topSections for the items of every treatment type at once (type slug -> its top sections), in
 * one pass over the index instead of one per type: on a large corpus a pass per type over every
 * section's items cost more than rendering the treatment pages.
 */
export function topSectionsByType(index: readonly GuidelineEntry[], limit = 10): Map<string, SectionCount[]> {
  const byType = new Map<string, SectionCount[]>();
  for (const guideline of index) {
    for (const section of guideline.sections) {
      const counts = new Map<string, number>();
      for (const r of section.items) counts.set(r.item.treatmentType, (counts.get(r.item.treatmentType) ?? 0) + 1);
      for (const [type, count] of counts) {
        const list = byType.get(type) ?? [];
        list.push({ guideline, section, count });
        byType.set(type, list);
      }
    }
  }
  // Pushed in index order; the stable sort keeps it among equal counts, as topSections does.
  for (const [type, list] of byType) byType.set(type, list.sort((a, b) => b.count - a.count).slice(0, limit));
  return byType;
}
