// Validates a determination's Markdown body, parsed by the site's own Markdown parser with the
// site's own features (LETTER_FEATURES, src/lib/body/letter-markdown.ts), so a body is judged as
// the page will read it. It may hold only what the importer writes (listed above checkBody):
// anything else did not come from a letter and could reach the page as markup or a request.
import { markdownToMdast } from 'satteri';
import { REQUIRED_BODY_HEADINGS, sectionHeadingLine } from '../../src/lib/schema/body-vocab.ts';
import type { Determination } from '../../src/lib/schema/determination.ts';
import { cutBody } from '../../src/lib/body/cut-body.ts';
import { LETTER_FEATURES } from '../../src/lib/body/letter-markdown.ts';
import { codePoint, UNSAFE_CHAR } from '../../src/lib/format/unsafe-text.ts';
import { factProblems } from './check-facts.ts';

const ALLOWED = new Set(['root', 'paragraph', 'text', 'strong', 'emphasis', 'break']);
const ALLOWED_HEADING_DEPTHS = new Set([2, 3]);

/** What a refused node is called in a message. */
const NAMES: Record<string, string> = {
  html: 'raw HTML is',
  link: 'a link is',
  linkReference: 'a link is',
  definition: 'a link definition is',
  image: 'an image is',
  imageReference: 'an image is',
  code: 'a code block is',
  inlineCode: 'inline code is',
  list: 'a list is',
  blockquote: 'a block quote is',
  thematicBreak: 'a horizontal rule is',
};

interface Node {
  type: string;
  depth?: number;
  value?: string;
  children?: Node[];
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

// What a letter body may contain (docs/letters.md, "The letter file"): second-level headings (its sections),
// third-level headings ("### Item N: <request>" and sub-headings), paragraphs, and inside them
// text, bold, italics and line breaks. That is all the importer writes, escaping everything else
// (scripts/import/write-markdown.ts, with remark). Anything else did not come from a letter and could reach the
// page as markup or a request: raw HTML, links, images, code, lists, quotes, rules, other
// headings. Nor may the text hold control or bidirectional formatting characters (unsafe-text.ts).
/**
 * Problems of one body as "body[ line N]: message", and as "items.k.field: message" where it says
 * another outcome or citation than the frontmatter (check-facts.ts). `lineOffset` is the number of
 * lines before the body in its file (lines are reported as an editor shows them); `determination`
 * is the frontmatter, when it is valid.
 */
export function checkBody(body: string, lineOffset: number, determination: Determination | undefined): string[] {
  const problems: string[] = [];
  const at = (node: Node) => (node.position ? ` line ${node.position.start.line + lineOffset}` : '');
  const visit = (node: Node) => {
    const refused = refusal(node);
    if (refused) {
      const source = node.position ? body.slice(node.position.start.offset, node.position.end.offset) : node.type;
      problems.push(`body${at(node)}: ${refused} not allowed, got ${JSON.stringify(source.split('\n')[0]!.slice(0, 60))}`);
      return; // what is inside is refused with it
    }
    node.children?.forEach(visit);
  };
  visit(markdownToMdast(body, { features: LETTER_FEATURES }) as Node);
  body.split('\n').forEach((line, i) => {
    const unsafe = UNSAFE_CHAR.exec(line);
    if (unsafe)
      problems.push(
        `body line ${i + 1 + lineOffset}: ${codePoint(unsafe[0])} is not allowed (a control or bidirectional formatting character)`,
      );
  });
  return [...problems, ...structureProblems(body, lineOffset, determination)];
}

/**
 * The parts the page lays out, cut by the page's own cutter: the required sections, one item part
 * per item, numbered 1..N, each saying what the frontmatter says of its item.
 */
function structureProblems(body: string, lineOffset: number, determination: Determination | undefined): string[] {
  const problems: string[] = [];
  // The page trims the body before it cuts it; so does the check.
  const cut = cutBody(body.trim());
  // Lines the trim took off the top, so that a part's line is the file's.
  const trimmedLines = body.slice(0, body.length - body.trimStart().length).split('\n').length - 1;
  const titles = new Set(cut.sections.map((s) => s.title));
  for (const heading of REQUIRED_BODY_HEADINGS) {
    if (!titles.has(heading)) problems.push(`body: missing heading "${sectionHeadingLine(heading)}"`);
  }
  if (determination === undefined) return problems;
  const itemCount = determination.items.length;
  const numbers = cut.items.map((item) => item.n);
  if (numbers.length !== itemCount)
    problems.push(`body: ${numbers.length} "### Item N:" headings for ${itemCount} item${itemCount === 1 ? '' : 's'} in the frontmatter`);
  else if (numbers.some((n, i) => n !== i + 1))
    problems.push(`body: "### Item N:" headings numbered ${numbers.join(', ')}; expected ${numbers.map((_, i) => i + 1).join(', ')}`);
  else problems.push(...factProblems(cut.items, determination, (line) => line + trimmedLines + lineOffset));
  return problems;
}

/** Why a node is refused ("a list is"), or undefined when a letter body may contain it. */
function refusal(node: Node): string | undefined {
  if (node.type === 'heading') return ALLOWED_HEADING_DEPTHS.has(node.depth ?? 0) ? undefined : `a level ${node.depth} heading is`;
  if (ALLOWED.has(node.type)) return undefined;
  return NAMES[node.type] ?? `${JSON.stringify(node.type)} is`;
}
