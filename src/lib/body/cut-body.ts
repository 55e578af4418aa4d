// Cuts a determination body into its parts (preamble, sections, items: shown above cutBody) on
// its Markdown tree, before anything is rendered. Only headings at the top of the tree cut: a
// "### Item 2:" inside a quote, an escaped one or a line that continues a paragraph is text. The
// tree is the one the site's renderer builds (Sätteri's parser, same features), so the page, `check`
// and the generator see the structure the renderer sees; each part is a slice of the source.
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { markdownToMdast } from 'satteri';
import { ITEM_DEPTH, SECTION_DEPTH, isGuidelineText, isOutcomeText, itemNumber } from '../schema/body-vocab.ts';
import { LETTER_FEATURES } from './letter-markdown.ts';

export interface BodySection {
  /** The heading's text as the renderer shows it (entities decoded, emphasis as text). */
  title: string;
  /** Its Markdown, up to the next section or item heading. */
  markdown: string;
}

export interface BodyItem {
  /** N of its "### Item N:" heading. */
  n: number;
  /** Its Markdown, facts included, up to the next section or item heading. */
  markdown: string;
  /** That Markdown without its outcome and guideline-line paragraphs, as runs of adjacent blocks. */
  rationale: string[];
  /** Its outcome and guideline-line paragraphs, which `check` holds to the frontmatter's facts. */
  facts: BodyFact[];
}

/** An outcome line ("**Upheld.**") or a guideline line ("MAXIMUS guideline: Decision based on ..."). */
export interface BodyFact {
  kind: 'outcome' | 'guideline';
  /** Its words as a reader sees them, runs of white space as one space ("Upheld."). */
  text: string;
  /** The line it starts on in the Markdown that was cut (the first is 1). */
  line: number;
}

export interface CutBody {
  /** Markdown before the first section or item heading. */
  preamble: string;
  /** Every `##` section in body order (repeated titles stay apart). */
  sections: BodySection[];
  /** Every top-level `### Item N:` heading in body order (repeated numbers stay apart). */
  items: BodyItem[];
}

/** A heading that starts a part: a section (n undefined) or the item numbered n. */
interface Opening {
  heading: Heading;
  title: string;
  n: number | undefined;
}

// The parts of a body (other headings, ### History, stay in their part):
//
//   The Markdown before the first heading              <- preamble (normally none)
//   ## Clinical case summary                           <- a section: its title and the Markdown
//   The injured worker is a 48 year old male ...          below it, up to the next cut
//   ## Decisions and rationales
//   The Final Determination was based on ...
//   ### Item 1: MRI of the right shoulder              <- an item: its number and the Markdown
//   **Upheld.**                                      }    below it; its rationale is that Markdown
//   Claims Administrator guideline: Decision ...     }    without these facts (the page shows them
//   MAXIMUS guideline: Decision based on ...         }    from the frontmatter; `check` holds them
//   Decision rationale: CA MTUS/ACOEM Guidelines ...      to it: scripts/check/check-facts.ts)
export function cutBody(markdown: string): CutBody {
  const tree = markdownToMdast(markdown, { features: LETTER_FEATURES }) as Root;
  const body: CutBody = { preamble: '', sections: [], items: [] };
  let blocks: RootContent[] = [];
  let open: Opening | undefined;
  const close = (end: number) => {
    const from = open ? lineAfter(markdown, offset(open.heading, 'end')) : 0;
    const text = tidy(markdown.slice(from, end));
    if (!open) body.preamble = text;
    else if (open.n === undefined) body.sections.push({ title: open.title, markdown: text });
    else body.items.push({ n: open.n, markdown: text, rationale: rationaleRuns(markdown, blocks), facts: blocks.flatMap(factOf) });
    blocks = [];
  };
  for (const node of tree.children) {
    const cut = node.type === 'heading' ? headingCut(node) : undefined;
    if (!cut) {
      blocks.push(node);
      continue;
    }
    close(offset(node, 'start'));
    open = cut;
  }
  close(markdown.length);
  return body;
}

/** Any section heading, or an item heading; other headings stay in their part. */
function headingCut(heading: Heading): Opening | undefined {
  const title = plainText(heading).replace(/\s+/g, ' ').trim();
  if (heading.depth === SECTION_DEPTH) return { heading, title, n: undefined };
  const n = heading.depth === ITEM_DEPTH ? itemNumber(title) : undefined;
  return n === undefined ? undefined : { heading, title, n };
}

/**
 * The item's blocks without its facts, each run of adjacent kept blocks as one slice of whole
 * lines: a run parses as it did in the body, and no block is glued to one a fact stood between.
 */
function rationaleRuns(source: string, blocks: RootContent[]): string[] {
  const runs: string[] = [];
  let first: RootContent | undefined;
  let last: RootContent | undefined;
  const flush = () => {
    if (first && last) runs.push(tidy(source.slice(lineStart(source, offset(first, 'start')), offset(last, 'end'))));
    first = last = undefined;
  };
  for (const block of blocks) {
    if (isFact(block)) flush();
    else {
      first ??= block;
      last = block;
    }
  }
  flush();
  return runs.filter((run) => run !== '');
}

const isFact = (block: RootContent): block is Paragraph => factKind(block) !== undefined;

/** An outcome line (a paragraph of bold "Upheld."), or a paragraph that opens with a guideline label. */
function factKind(block: RootContent): BodyFact['kind'] | undefined {
  if (block.type !== 'paragraph') return undefined;
  const [first] = block.children;
  if (first?.type === 'strong' && block.children.length === 1) {
    const [word] = first.children;
    return first.children.length === 1 && word?.type === 'text' && isOutcomeText(word.value) ? 'outcome' : undefined;
  }
  return first?.type === 'text' && isGuidelineText(first.value) ? 'guideline' : undefined;
}

function factOf(block: RootContent): BodyFact[] {
  const kind = factKind(block);
  if (!kind) return [];
  return [{ kind, text: plainText(block).replace(/\s+/g, ' ').trim(), line: block.position?.start.line ?? 0 }];
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child: Nodes) => plainText(child)).join('') : '';
}

function offset(node: Nodes, end: 'start' | 'end'): number {
  const at = node.position?.[end].offset;
  if (at === undefined) throw new Error(`cutBody: the parser gave a ${node.type} node no position`);
  return at;
}

const lineStart = (source: string, at: number) => source.lastIndexOf('\n', at - 1) + 1;

/** Where the line after the one `at` is on starts. */
function lineAfter(source: string, at: number): number {
  const newline = source.indexOf('\n', at);
  return newline === -1 ? source.length : newline + 1;
}

/** A part's Markdown without the blank lines around it; indentation of its first line stays. */
function tidy(markdown: string): string {
  return markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}
