import type { CohortScope } from './precedents.ts';
import { formatCount } from '../format/format-count.ts';
import { sectionLabel } from '../format/section-label.ts';
import { treatmentGuidelinePath, treatmentPath, treatmentSectionPath } from '../paths/routes.ts';
import type { OutcomeCounts } from '../corpus/count-outcomes.ts';

/** Fewer earlier items than this and the figure says "too few to compare" instead of counts. */
export const COMPARABLE_FROM = 5;

/** The list a cohort figure names, as a label and the path of the page listing it today. */
export function cohortList(
  scope: CohortScope,
  labels: { treatment(slug: string): string; guideline(slug: string): string },
): { label: string; path: string } {
  const type = labels.treatment(scope.treatmentType);
  if (scope.kind === 'section') {
    const { guideline, key } = scope.section;
    return {
      label: `${type} under ${sectionLabel(labels.guideline(guideline), scope.section)}`,
      path: treatmentSectionPath(scope.treatmentType, guideline, key),
    };
  }
  if (scope.kind === 'guideline')
    return {
      label: `${type} under ${labels.guideline(scope.guideline)}`,
      path: treatmentGuidelinePath(scope.treatmentType, scope.guideline),
    };
  return { label: `${type} under any guideline`, path: treatmentPath(scope.treatmentType) };
}

/** "41 items, 38 upheld, 3 overturned"; "3 items, too few to compare"; counts, never a bare share. */
export function cohortFigure(counts: OutcomeCounts): string {
  const items = formatCount(counts.total, 'item');
  if (counts.total < COMPARABLE_FROM) return counts.total === 0 ? 'none' : `${items}, too few to compare`;
  return `${items}, ${counts.upheld.toLocaleString('en-US')} upheld, ${counts.overturned.toLocaleString('en-US')} overturned`;
}
