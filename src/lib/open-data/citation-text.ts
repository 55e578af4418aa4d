import { formatPages } from '../format/format-pages.ts';
import type { Citation } from '../schema/index.ts';

/**
 * One citation as a data cell: guideline short name, then the section and pages cited.
 *   "MTUS Chronic Pain 2009: Opioids, pp. 78–80", "ODG Pain", "MTUS Chronic Pain 2009: p. 121"
 */
export function citationText(citation: Pick<Citation, 'guideline' | 'section' | 'pages'>, guidelineLabel: (slug: string) => string): string {
  const where = [citation.section, citation.pages ? formatPages(citation.pages) : undefined].filter(Boolean).join(', ');
  return `${guidelineLabel(citation.guideline)}${where ? `: ${where}` : ''}`;
}

/** Several values in one cell. */
export const LIST_SEPARATOR = '; ';
