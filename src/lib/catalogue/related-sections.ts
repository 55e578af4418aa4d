import type { SectionEntry } from './index-guidelines.ts';

/**
 * Other cited sections of the same guideline that share a printed page with this one: a page's
 * named topic and the page itself are two doors to the same text (2014 letters cite "Page(s):
 * 121", later ones the section "Neuromuscular electrical stimulation (NMES devices)").
 */
export function relatedSections(sections: readonly SectionEntry[], section: SectionEntry): SectionEntry[] {
  const pages = new Set(section.pages);
  return sections.filter((s) => s.key !== section.key && s.pages.some((p) => pages.has(p)));
}
