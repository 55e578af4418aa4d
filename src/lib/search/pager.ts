import { PAGE_SIZE } from '../paging/page-size.ts';

/** The page of results shown: its number, how many pages there are, and its results (end exclusive). */
export interface ResultPage {
  page: number;
  pages: number;
  start: number;
  end: number;
}

/** The page of `total` results to show for the page asked for; a page past the last shows the last. */
export function resultPage(total: number, wanted: number): ResultPage {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, wanted), pages);
  return { page, pages, start: (page - 1) * PAGE_SIZE, end: page * PAGE_SIZE };
}

/** The pager under the results: the pages its links lead to, and where the reader is. */
export interface Pager {
  previous?: number;
  next?: number;
  label: string;
}

/** The pager for page `page` of `pages`, or none when everything fits on one page. */
export function pager({ page, pages }: Pick<ResultPage, 'page' | 'pages'>): Pager | undefined {
  if (pages <= 1) return undefined;
  return {
    ...(page > 1 ? { previous: page - 1 } : {}),
    ...(page < pages ? { next: page + 1 } : {}),
    label: `Page ${page} of ${pages}`,
  };
}
