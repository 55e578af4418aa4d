import type { Guideline } from '../schema/index.ts';

/** A guideline as pages name it: its catalogue entry, or only the slug items cite it by. */
interface Named {
  slug: string;
  guideline: Pick<Guideline, 'short' | 'title'> | undefined;
}

/** Short name ("MTUS Low Back 2004"); the slug for a guideline the catalogue lacks. */
export function shortName(entry: Named): string {
  return entry.guideline?.short ?? entry.slug;
}

/** Full title; the slug for a guideline the catalogue lacks. */
export function titleName(entry: Named): string {
  return entry.guideline?.title ?? entry.slug;
}
