// Sorts a cut body (cut-body.ts) into the places the determination page gives its parts: the
// decisions intro and each item's rationale up top, the case summary and any other section below,
// the boilerplate folded away. Section titles are matched without regard to case, so a hand-edited
// "## Clinical Case Summary" still lands in its place.
import { SECTION } from '../schema/body-vocab.ts';
import type { CutBody } from './cut-body.ts';

/** Where each part of a body goes on the page; `T` is Markdown, then the HTML it renders to. */
export interface BodyLayout<T> {
  /** Anything before the first heading (normally nothing). */
  preamble: T;
  /** "How the IMR final determination was made" (the fixed boilerplate), without its heading. */
  howMade: T;
  /** "Clinical case summary", without its heading. */
  summary: T;
  /** What "Decisions and rationales" says before its first item. */
  decisionsIntro: T;
  /** Item number -> its rationale (a number whose heading repeats gets all of them). */
  items: Map<number, T>;
  /** Any other section, in body order, with its heading text. */
  other: { title: string; text: T }[];
}

const PLACE = new Map<string, 'howMade' | 'summary' | 'decisionsIntro'>([
  [SECTION.howMade.toLowerCase(), 'howMade'],
  [SECTION.summary.toLowerCase(), 'summary'],
  [SECTION.decisions.toLowerCase(), 'decisionsIntro'],
]);

/** The body's Markdown by place, each place as the slices to render one after the other. */
export function layoutBody(cut: CutBody): BodyLayout<string[]> {
  const layout: BodyLayout<string[]> = {
    preamble: pieces(cut.preamble),
    howMade: [],
    summary: [],
    decisionsIntro: [],
    items: new Map(),
    other: [],
  };
  for (const section of cut.sections) {
    const place = PLACE.get(section.title.toLowerCase());
    if (place) layout[place].push(...pieces(section.markdown));
    else layout.other.push({ title: section.title, text: pieces(section.markdown) });
  }
  for (const item of cut.items) layout.items.set(item.n, [...(layout.items.get(item.n) ?? []), ...item.rationale]);
  return layout;
}

const pieces = (markdown: string) => (markdown === '' ? [] : [markdown]);
