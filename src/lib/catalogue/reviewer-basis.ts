import { citationTargets, type SectionTarget } from './citation-targets.ts';
import type { Guideline, Item } from '../schema/index.ts';

/** What the IMR reviewer based one item's decision on ("MAXIMUS guideline:"). */
export interface ReviewerBasis {
  /** Guideline slugs the reviewer cited, in letter order, each once. */
  guidelines: string[];
  /** Section pages of those citations, in letter order, each once. */
  targets: SectionTarget[];
}

/** The id of a section target across guidelines: "mtus-low-back-2004/special-studies". */
export const targetId = (t: Pick<SectionTarget, 'guideline' | 'key'>) => `${t.guideline}/${t.key}`;

/**
 * The reviewer's guidelines and cited sections (or pages) of an item. The outcome follows the
 * reviewer's reasoning, so "how IMR rules under a section" counts the reviewer's side only.
 */
export function reviewerBasis(item: Item, guidelines: ReadonlyMap<string, Guideline>): ReviewerBasis {
  const slugs = new Set<string>();
  const targets = new Map<string, SectionTarget>();
  for (const citation of item.citations.reviewer) {
    slugs.add(citation.guideline);
    for (const target of citationTargets(citation, guidelines.get(citation.guideline))) {
      if (!targets.has(targetId(target))) targets.set(targetId(target), target);
    }
  }
  return { guidelines: [...slugs], targets: [...targets.values()] };
}

/**
 * reviewerBasis with its answers kept by the reviewer's citations (guideline, section, pages):
 * letters cite the same few sections over and over, and resolving one against the catalogue is
 * the costly part. One cache per build, as large as the distinct citations.
 */
export function reviewerBases(guidelines: readonly Guideline[]): (item: Item) => ReviewerBasis {
  const bySlug = new Map(guidelines.map((g) => [g.slug, g]));
  const cache = new Map<string, ReviewerBasis>();
  return (item) => {
    const key = item.citations.reviewer.map((c) => `${c.guideline}\t${c.section ?? ''}\t${c.pages?.join(',') ?? ''}`).join('\n');
    let basis = cache.get(key);
    if (!basis) cache.set(key, (basis = reviewerBasis(item, bySlug)));
    return basis;
  };
}
