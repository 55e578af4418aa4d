// Cuts a real letter's text into its item blocks, so a fuzz test can drop, reorder, duplicate and
// mangle items and know which item each block is. Found independently of the importer's item
// finder: a block starts at the first line of its title, which the importer's parse of the whole
// letter gives as text, and runs to the next title (the last one to the end of its rationale).

export interface Block {
  /** Index of the item in the unmodified letter. */
  item: number;
  lines: string[];
  /** Index in `lines` of the line that holds ": Upheld" / ": Overturned". */
  decision: number;
}

export interface LetterBlocks {
  preamble: string[];
  blocks: Block[];
  /** What follows the last rationale: the final form feed and blank lines. */
  tail: string[];
}

const DECISION_LINE = /(?:^|:)\s*(Upheld|Overturned)\.?\s*$/;
const norm = (s: string) => s.replace(/[\s\f]+/g, ' ').trim();

/** The blocks of a letter whose item titles are `titles`; undefined when a title does not start a line. */
export function letterBlocks(text: string, titles: string[]): LetterBlocks | undefined {
  const lines = text.split('\n');
  const decisions = lines.flatMap((line, i) => (DECISION_LINE.test(line.replace(/\f/g, '')) ? [i] : []));
  if (decisions.length !== titles.length) return undefined;
  const starts: number[] = [];
  for (const [k, d] of decisions.entries()) {
    const target = norm(`${titles[k]}: ${DECISION_LINE.exec(lines[d]!)![1]}`);
    let start = d;
    while (
      start - 1 > (decisions[k - 1] ?? -1) &&
      norm(lines[start - 1]!) !== '' &&
      target.endsWith(norm(lines.slice(start - 1, d + 1).join(' ')))
    )
      start--;
    // The lines from start to the decision must hold the whole title, from a line start.
    if (norm(lines.slice(start, d + 1).join(' ')) !== target) return undefined;
    starts.push(start);
  }
  let end = lines.length;
  while (end > 0 && norm(lines[end - 1]!) === '') end--;
  const blocks = starts.map((start, k) => ({ item: k, lines: lines.slice(start, starts[k + 1] ?? end), decision: decisions[k]! - start }));
  return { preamble: lines.slice(0, starts[0]), blocks, tail: lines.slice(end) };
}

export function joinBlocks({ preamble, blocks, tail }: LetterBlocks): string {
  return [...preamble, ...blocks.flatMap((b) => b.lines), ...tail].join('\n');
}
