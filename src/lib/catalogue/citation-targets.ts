import type { Citation, Guideline, GuidelineSection, PageCertainty } from '../schema/index.ts';

/**
 * URL slug of a cited section name: ASCII lower case, runs of anything else become one dash.
 * "Opioids, criteria for use" -> "opioids-criteria-for-use"; "Électro-diagnostic" -> "electro-diagnostic".
 * A name with no letters or digits gets "section"; an all-digit name gets a "section-" prefix so
 * it can never look like a page number of a paginated list ("/guidelines/x/2/").
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'section';
  return /^\d+$/.test(slug) ? `section-${slug}` : slug;
}

/** A section page of a guideline that a citation points to: `/guidelines/<guideline>/<key>/`. */
export interface SectionTarget {
  /** Guideline slug. */
  guideline: string;
  /** slugify(section) for a cited section, `page-<n>` for a cited page. */
  key: string;
  /** Section name ("Special Studies") or "Page 121". */
  title: string;
  /** For a cited page: the catalogue topics on that page ("NMES"), joined; else undefined. */
  topic: string | undefined;
  /** For a cited page: its number, for sorting. */
  page: number | undefined;
  /** Printed pages the target covers: the cited page, or the catalogue's pages of a named section. */
  pages: number[];
  /**
   * How sure the catalogue's pages behind the target are (its pages for a section, its topics for
   * a page): "unverified" when any of them is; undefined when the catalogue gives no pages.
   */
  certainty: PageCertainty | undefined;
}

/** The least sure of the sections' page ranges. */
function leastSure(sections: GuidelineSection[]): PageCertainty | undefined {
  const ranges = sections.filter((s) => s.pages.length > 0);
  if (ranges.length === 0) return undefined;
  return ranges.some((s) => s.certainty !== 'cited') ? 'unverified' : 'cited';
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** squash of the cited spellings, once each (letters repeat a few thousand spellings). */
const squashed = new Map<string, string>();
/** slugify of the few hundred section names, once each: the index calls this for every citation. */
const keys = new Map<string, string>();
function keyOf(title: string): string {
  let key = keys.get(title);
  if (key === undefined) keys.set(title, (key = slugify(title)));
  return key;
}

/** Each guideline's sections by squashed name and alias, built once: the index resolves every citation. */
const sectionsByName = new WeakMap<Guideline, Map<string, GuidelineSection>>();
function sectionNamed(guideline: Guideline, cited: string): GuidelineSection | undefined {
  let names = sectionsByName.get(guideline);
  if (!names) {
    names = new Map();
    // The first section a spelling names wins, as a search through the sections in order would.
    for (const s of guideline.sections) for (const name of [s.name, ...s.aliases]) if (!names.has(squash(name))) names.set(squash(name), s);
    sectionsByName.set(guideline, names);
  }
  return names.get(cited);
}

/** The section page of a cited section: the catalogue's canonical name when it matches a name or alias (so spellings share one page). */
function sectionTarget(slug: string, section: string, guideline: Guideline | undefined): SectionTarget {
  let cited = squashed.get(section);
  if (cited === undefined) squashed.set(section, (cited = squash(section)));
  const known = guideline && sectionNamed(guideline, cited);
  const title = known?.name ?? section.trim().replace(/\s+/g, ' ');
  return {
    guideline: slug,
    key: keyOf(title),
    title,
    topic: undefined,
    page: undefined,
    pages: known?.pages ?? [],
    certainty: leastSure(known ? [known] : []),
  };
}

/**
 * The section pages one citation belongs to: its cited section's page, then one page per cited
 * page number ("Neuromuscular electrical stimulation (NMES devices) Page(s): 121" belongs to the
 * section and to page 121, where a user asking about page 121 looks); a citation with neither
 * belongs to no section.
 */
export function citationTargets(citation: Citation, guideline: Guideline | undefined): SectionTarget[] {
  const section = citation.section ? [sectionTarget(citation.guideline, citation.section, guideline)] : [];
  return [...section, ...pageTargets(citation, guideline)];
}

function pageTargets(citation: Citation, guideline: Guideline | undefined): SectionTarget[] {
  return [...new Set(citation.pages ?? [])].map((page) => {
    const onPage = guideline?.sections.filter((s) => s.pages.includes(page)) ?? [];
    const topics = onPage.map((s) => s.name);
    return {
      guideline: citation.guideline,
      key: `page-${page}`,
      title: `Page ${page}`,
      topic: topics.length > 0 ? topics.join('; ') : undefined,
      page,
      pages: [page],
      certainty: leastSure(onPage),
    };
  });
}
