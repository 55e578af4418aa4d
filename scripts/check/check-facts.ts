// An item's outcome and guideline lines stand twice in a letter file: in the frontmatter, the copy
// the page shows, and in the body, beside the rationale in the letter's own words (the page cuts
// them out, src/lib/body/cut-body.ts). `check` holds the body's copy to the frontmatter (shown above
// factProblems), so neither can be edited alone. A guideline line from its first "Decision based
// on" (the whole line in the 2013 notices) must be the citations' texts, one after the other; a
// sentence before it, or "did not cite any medical evidence", is the line's own.
import type { BodyItem } from '../../src/lib/body/cut-body.ts';
import { CITATION_START, guidelineLine } from '../../src/lib/schema/body-vocab.ts';
import type { Determination } from '../../src/lib/schema/determination.ts';

// The two copies:
//
//   items:                                      ### Item 1: MRI of the right shoulder
//     - outcome: upheld                   <->   **Upheld.**
//       citations:                              Claims Administrator guideline: Decision based on ...
//         reviewer:                             MAXIMUS guideline: The Expert Reviewer based their
//           - text: Decision based on MTUS ...  <->   decision on ... Decision based on MTUS ...
/**
 * Every place the body's item `items[k]` says another outcome or cites other words than the
 * frontmatter's item k, as "items.k.field: message". `lineOf` turns a line of the cut Markdown
 * into the file's.
 */
export function factProblems(items: readonly BodyItem[], d: Determination, lineOf: (line: number) => number): string[] {
  const problems: string[] = [];
  items.forEach((part, k) => {
    const item = d.items[k];
    if (!item) return;
    const under = `under "### Item ${part.n}"`;
    for (const fact of part.facts) {
      const at = `(line ${lineOf(fact.line)})`;
      if (fact.kind === 'outcome') {
        if (fact.text.replace(/\.$/, '').toLowerCase() !== item.outcome)
          problems.push(
            `items.${k}.outcome: the body's outcome line ${under} ${at} says "${fact.text}" but the frontmatter says "${item.outcome}"`,
          );
        continue;
      }
      const line = guidelineLine(fact.text);
      if (!line) continue;
      const texts = item.citations[line.side].map((c) => c.text);
      // Citations cut from one sentence (a section each) share its text.
      const cited = texts.filter((t, i) => t !== texts[i - 1]).join(' ');
      const start = line.rest.search(CITATION_START);
      const body = start >= 0 ? line.rest.slice(start) : cited === '' ? '' : line.rest;
      if (body === cited) continue;
      const [says, other] = excerpts(body, cited);
      problems.push(
        `items.${k}.citations.${line.side}: the body's "${line.label}:" line ${under} ${at} says ${says} but the frontmatter's citations say ${other}`,
      );
    }
  });
  return problems;
}

/** The two texts from a little before where they first differ, quoted ("nothing" for an empty one). */
function excerpts(a: string, b: string): [string, string] {
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  // Some 30 characters before, from the start of a word.
  let from = Math.max(0, same - 30);
  while (from > 0 && from < same && a[from - 1] !== ' ') from++;
  const show = (s: string) =>
    s === '' ? 'nothing' : JSON.stringify(`${from > 0 ? '…' : ''}${s.slice(from, same + 50)}${s.length > same + 50 ? '…' : ''}`);
  return [show(a), show(b)];
}
