import type { SectionTarget } from '../catalogue/citation-targets.ts';

/** "MTUS Low Back 2004 › Special Studies", "MTUS Chronic Pain 2009 › Page 121 (NMES)". */
export function sectionLabel(guidelineShort: string, target: Pick<SectionTarget, 'title' | 'topic'>): string {
  return `${guidelineShort} › ${target.title}${target.topic ? ` (${target.topic})` : ''}`;
}
