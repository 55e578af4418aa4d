import type { LetterBody } from '../../src/data/letter-body.ts';

/** Every rendered part of a letter body, in page order, as one string: the HTML of each part, and the titles of other sections (the page shows them as headings). */
export function bodyHtml(body: LetterBody): string {
  return [
    body.preamble,
    body.howMade,
    body.summary,
    body.decisionsIntro,
    ...body.items.values(),
    ...body.other.flatMap((o) => [o.title, o.text]),
    body.whole ?? '',
  ].join('\n');
}
