// One page of each template of a fixture build, as paths under the site's base, for the tests
// that look at every template (axe, the served-with-CSP test). The search page is opened with a
// query and a filter, so results, sub-results of the other outcome and filter chips are drawn.

export interface TemplatePage {
  template: string;
  /** Path under the base, no leading slash. */
  path: string;
}

/** Pages every fixture build has (the /imr/ build holds the root corpus too). */
export const TEMPLATE_PAGES: TemplatePage[] = [
  { template: 'home', path: '' },
  { template: 'determinations list', path: 'determinations/' },
  { template: 'determination', path: 'determinations/CM17-0012345/' },
  { template: 'determination with a modified item', path: 'determinations/CM15-0045678/' },
  { template: 'guidelines list', path: 'guidelines/' },
  { template: 'guideline', path: 'guidelines/mtus-chronic-pain-2009/' },
  { template: 'guideline section cited by page', path: 'guidelines/mtus-chronic-pain-2009/page-121/' },
  { template: 'guideline section cited by name', path: 'guidelines/mtus-shoulder-2004/special-studies/' },
  { template: 'treatments list', path: 'treatments/' },
  { template: 'treatment', path: 'treatments/tens-ems-unit/' },
  { template: 'treatment × body region', path: 'treatments/tens-ems-unit/regions/lumbar-spine/' },
  { template: 'search with a query and a filter', path: 'search/?q=TENS&outcome=overturned' },
  { template: 'page not found', path: '404.html' },
];

/** Older pages of dated lists (two pagination navs, no counts): only the /imr/ build has enough letters. */
export const PAGED_TEMPLATE_PAGES: TemplatePage[] = [
  { template: 'determinations list, page 1', path: 'determinations/1/' },
  { template: 'guideline section, page 1', path: 'guidelines/mtus-shoulder-2004/special-studies/1/' },
  { template: 'treatment, page 1', path: 'treatments/mri/1/' },
  { template: 'treatment × guideline, page 1', path: 'treatments/mri/mtus-shoulder-2004/1/' },
  { template: 'treatment × body region, page 1', path: 'treatments/mri/regions/shoulder/1/' },
];
