// Reads the HTML that Astro's Markdown processor rendered from a determination body, e.g.
//
//   <h2 id="how-the-imr-final-determination-was-made">How the IMR final determination was made</h2>
//   <p>MAXIMUS Federal Services sent the complete case file …</p>
//   <h2 id="clinical-case-summary">Clinical case summary</h2>
//   <p>…</p>
//   <h2 id="decisions-and-rationales">Decisions and rationales</h2>
//   <p>The Final Determination was based on decisions …</p>
//   <h3 id="item-1-mri-of-…">Item 1: MRI of the right shoulder without contrast</h3>
//   <p><strong>Upheld.</strong></p> …
//
// and cuts it at its second-level headings and its "Item N:" headings so the page can lay the
// parts out in its own order. The parts are slices of the rendered HTML, never re-rendered.

/** The rendered body cut into the parts the determination page shows. */
export interface DeterminationBody {
  /** "How the IMR final determination was made" (the fixed boilerplate), without its heading. */
  howMade: string;
  /** "Clinical case summary", without its heading. */
  summary: string;
  /** What "Decisions and rationales" says before its first item. */
  decisionsIntro: string;
  /** Item number -> everything under its "Item N:" heading. */
  items: Map<number, string>;
  /** Any other second-level section, in body order, with its heading text. */
  other: { title: string; html: string }[];
  /** Anything before the first heading (normally nothing). */
  preamble: string;
}

// Headings as the renderer writes them: one element, attributes optional, no nesting.
const HEADING = /<h([23])(?:\s[^>]*)?>([\s\S]*?)<\/h\1>/g;
const ITEM_TITLE = /^Item\s+(\d+)\s*:/i;

/** Text of a heading's inner HTML: tags dropped, the entities the renderer emits decoded. */
function headingText(inner: string): string {
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function splitBody(html: string): DeterminationBody {
  const cuts: { start: number; end: number; level: 2 | 3; title: string }[] = [];
  for (const m of html.matchAll(HEADING)) {
    const level = m[1] === '2' ? 2 : 3;
    const title = headingText(m[2] ?? '');
    // Other third-level headings stay inside their section as content.
    if (level === 3 && !ITEM_TITLE.test(title)) continue;
    cuts.push({ start: m.index, end: m.index + m[0].length, level, title });
  }
  const body: DeterminationBody = { howMade: '', summary: '', decisionsIntro: '', items: new Map(), other: [], preamble: '' };
  body.preamble = html.slice(0, cuts[0]?.start ?? html.length).trim();
  let section = '';
  cuts.forEach((cut, i) => {
    const part = html.slice(cut.end, cuts[i + 1]?.start ?? html.length).trim();
    if (cut.level === 3) {
      const n = Number(ITEM_TITLE.exec(cut.title)?.[1]);
      body.items.set(n, body.items.has(n) ? `${body.items.get(n)}\n${part}` : part);
      return;
    }
    section = cut.title.toLowerCase();
    if (section === 'how the imr final determination was made') body.howMade += part;
    else if (section === 'clinical case summary') body.summary += part;
    else if (section === 'decisions and rationales') body.decisionsIntro += part;
    else body.other.push({ title: cut.title, html: part });
  });
  return body;
}
