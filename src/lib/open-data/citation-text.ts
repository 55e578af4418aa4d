import { formatPages } from '../format/format-pages.ts';
import type { Citation } from '../schema/index.ts';

/**
 * One citation as a data cell: guideline short name, then the section and pages cited.
 *   "MTUS Chronic Pain 2009: Opioids, pp. 78–80", "ODG Pain", "MTUS Chronic Pain 2009: p. 121"
 */
export function citationText(
  citation: Pick<Citation, 'guideline' | 'section' | 'pages'>,
  guidelineLabel: (slug: string) => string,
): string {
  return citedAt(guidelineLabel(citation.guideline), citationWhere(citation));
}

/** The section and pages of a citation: "Opioids, pp. 78–80", "p. 121", or "". */
export function citationWhere(citation: Pick<Citation, 'section' | 'pages'>): string {
  return [citation.section, citation.pages ? formatPages(citation.pages) : undefined].filter(Boolean).join(', ');
}

/** A guideline name and where in it: "ODG Pain: Opioids", or the name alone. */
export function citedAt(name: string, where: string): string {
  return `${name}${where ? `: ${where}` : ''}`;
}

/** Several values in one cell. */
export const LIST_SEPARATOR = '; ';
