// Fuzz over the real letters (the text fixtures): items dropped, reordered, duplicated, their
// verdicts turned round (Upheld for Overturned) and titles mangled. Whatever the import does,
// every item it writes is one the letter has, with its own decision, citations and rationale, in
// the letter's order; an import with fewer items than the letter's item blocks is never silent (a
// skip with its reason, or a warning); and an import that keeps them all warns, by number, about
// exactly the items that repeat an earlier one and those whose decision contradicts their rationale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { convertLetter } from '../../scripts/import/import-letter.ts';
import { checkDetermination } from '../../scripts/check/check-determination.ts';
import { parseLetter } from '../../scripts/import/parse-letter.ts';
import { joinBlocks, letterBlocks, type Block, type LetterBlocks } from '../support/letter-blocks.ts';

const CASES = 2000;
const fixtures = join(import.meta.dirname, '../fixtures');
const catalogue = loadCatalogue(join(import.meta.dirname, '../../content'));

/** Real letters as text: pdftotext dumps and the 2014 fragment, not the synthetic layouts. */
const files = [
  ...readdirSync(join(fixtures, 'letters'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt') && !f.startsWith('synthetic-'))
    .map((f) => join(fixtures, 'letters', f)),
  ...readdirSync(join(fixtures, 'pdf'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(fixtures, 'pdf', f)),
].sort();

interface Item {
  /** The item as the determination holds it (request, outcome, treatment type, citations...). */
  data: unknown;
  /** Its section of the Markdown body, without the "### Item N:" number. */
  body: string;
}

/** Items of an import: each one's frontmatter data and its own part of the body. */
function itemsOf(result: Extract<Awaited<ReturnType<typeof convertLetter>>, { ok: true }>): Item[] {
  const sections = result.markdown.split(/^### Item \d+: /m).slice(1);
  return result.determination.items.map((data, k) => ({ data, body: sections[k]!.trim() }));
}

const letters = await Promise.all(
  files.map(async (file) => {
    const text = readFileSync(file, 'utf8');
    const result = await convertLetter(file, new TextEncoder().encode(text), catalogue);
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    const blocks = letterBlocks(
      text,
      parseLetter(text).items.map((i) => i.title),
    );
    if (!blocks) throw new Error(`${file}: its item titles do not each start a line`);
    return { file, blocks, items: itemsOf(result) };
  }),
);

// How a title is mangled: some leave the decision readable, some do not.
const MANGLES = {
  semicolon: (line: string) => `${line};`, // the issue's example: "…: Upheld;"
  fullStop: (line: string) => `${line}.`,
  lowerCase: (line: string) => line.replace(/Upheld|Overturned/, (w) => w.toLowerCase()),
  dash: (line: string) => line.replace(/:(\s*)(Upheld|Overturned)/, ' -$1$2'),
  noDecision: (line: string) => line.replace(/:?\s*(Upheld|Overturned)\.?\s*$/, ''),
  lineSeparator: (line: string) => line.replace(' ', '\u2028'),
  paragraphSeparator: (line: string) => line.replace(' ', '\u2029'),
};
type Mangle = keyof typeof MANGLES;

type Op =
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'flip'; at: number }
  | { kind: 'mangle'; at: number; how: Mangle; line: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('mangle' as const),
    at: fc.nat(),
    how: fc.constantFrom(...(Object.keys(MANGLES) as Mangle[])),
    line: fc.nat(),
  }),
);

const OTHER_VERDICT: Record<string, string> = {
  Upheld: 'Overturned',
  Overturned: 'Upheld',
  upheld: 'overturned',
  overturned: 'upheld',
  UPHELD: 'OVERTURNED',
  OVERTURNED: 'UPHELD',
};

/** An item as the import writes it when its decision line says the other verdict. */
function flipped({ data, body }: Item): Item {
  const item = data as { outcome: 'upheld' | 'overturned' };
  const outcome = item.outcome === 'upheld' ? 'overturned' : 'upheld';
  return { data: { ...item, outcome }, body: body.replace(/\*\*(Upheld|Overturned)\.\*\*/, (_, w: string) => `**${OTHER_VERDICT[w]}.**`) };
}

/** The warnings an import of these blocks must give, one per item that repeats an earlier one or is turned round. */
function expectedWarnings(blocks: Block[]): RegExp[] {
  const firstOf = new Map<number, number>();
  return blocks.flatMap((b, k) => {
    const first = firstOf.get(b.item);
    if (first === undefined) firstOf.set(b.item, k);
    return [
      ...(first !== undefined ? [new RegExp(`^item ${k + 1} \\(.*\\) repeats item ${first + 1} word for word`)] : []),
      ...(b.flipped ? [new RegExp(`^item ${k + 1} \\(.*\\): the decision line says`)] : []),
    ];
  });
}

/** Warnings of the two kinds expectedWarnings counts. */
const itemWarning = (w: string) => / repeats item \d+ word for word | the decision line says /.test(w);

function apply(letter: LetterBlocks, ops: Op[]): LetterBlocks {
  const blocks: Block[] = letter.blocks.map((b) => ({ ...b, lines: [...b.lines] }));
  for (const o of ops) {
    if (blocks.length === 0) break;
    const at = o.at % blocks.length;
    // One item stays: a letter with none is refused for that alone, which tests nothing here.
    if (o.kind === 'drop') blocks.splice(at, blocks.length > 1 ? 1 : 0);
    else if (o.kind === 'duplicate') blocks.splice(at, 0, { ...blocks[at]!, lines: [...blocks[at]!.lines] });
    else if (o.kind === 'swap') {
      const other = o.with % blocks.length;
      [blocks[at], blocks[other]] = [blocks[other]!, blocks[at]!];
    } else if (o.kind === 'flip') {
      const block = blocks[at]!;
      const line = block.lines[block.decision]!;
      block.lines[block.decision] = line.replace(/\b(?:upheld|overturned)\b/i, (w) => OTHER_VERDICT[w] ?? w);
      if (block.lines[block.decision] !== line) block.flipped = !block.flipped;
    } else {
      const block = blocks[at]!;
      // The separators go into any title line; the other mangles change the decision line.
      const separator = o.how === 'lineSeparator' || o.how === 'paragraphSeparator';
      const line = separator ? o.line % (block.decision + 1) : block.decision;
      block.lines[line] = MANGLES[o.how](block.lines[line]!);
      if (!separator) block.mangled = true;
    }
  }
  return { ...letter, blocks };
}

declare module '../support/letter-blocks.ts' {
  interface Block {
    /** The decision line was changed: the importer may read it, or must refuse the letter. */
    mangled?: boolean;
    /** Its verdict is turned round: Upheld where the letter says Overturned, or the reverse. */
    flipped?: boolean;
  }
}

describe('importing real letters with items dropped, reordered, duplicated, turned round or mangled', () => {
  test(`keeps every written item whole and its own, and never imports fewer items silently (${CASES} cases)`, async () => {
    expect(letters.length).toBeGreaterThanOrEqual(20);
    const tally = { cases: 0, imported: 0, skipped: 0, warned: 0, repeatsOrFlips: 0, reasons: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: letters.length - 1 }), fc.array(op, { minLength: 1, maxLength: 4 }), async (which, ops) => {
        const letter = letters[which]!;
        const mutated = apply(letter.blocks, ops);
        const result = await convertLetter(letter.file, new TextEncoder().encode(joinBlocks(mutated)), catalogue);
        tally.cases++;
        if (!result.ok) {
          tally.skipped++;
          const kind = result.reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
          tally.reasons.set(kind, (tally.reasons.get(kind) ?? 0) + 1);
          return;
        }
        tally.imported++;
        if (result.warnings.length > 0) tally.warned++;
        // What it writes passes check: among the rest, its body's outcome and guideline lines say what its frontmatter says.
        expect(checkDetermination(result.relativePath, result.markdown, {}).problems, letter.file).toEqual([]);
        const written = itemsOf(result);
        // Every written item is one of the letter's, with its own citations and rationale, and its
        // decision as the letter has it or as a turned-round decision line says.
        for (const item of written) expect([...letter.items, ...letter.items.map(flipped)]).toContainEqual(item);
        if (written.length === mutated.blocks.length) {
          // ... and the one its block holds, in the letter's order.
          expect(written).toEqual(mutated.blocks.map((b) => (b.flipped ? flipped(letter.items[b.item]!) : letter.items[b.item])));
          // A repeated or turned-round item is named in a warning, and no other item is.
          const expected = expectedWarnings(mutated.blocks);
          const given = result.warnings.filter(itemWarning);
          expect(given, `${letter.file}: ${given.join(' | ')}`).toHaveLength(expected.length);
          for (const pattern of expected) expect(given).toContainEqual(expect.stringMatching(pattern));
          if (expected.length > 0) tally.repeatsOrFlips++;
        } else {
          // Fewer (or more) items than the letter's blocks: never silent.
          expect(result.warnings.length, `${letter.file}: ${written.length} items of ${mutated.blocks.length}, no warning`).toBeGreaterThan(
            0,
          );
        }
      }),
      { seed: 20260509, numRuns: CASES },
    );
    console.info(
      `import fuzz: ${tally.cases} cases, ${tally.imported} imported (${tally.warned} with warnings, ${tally.repeatsOrFlips} of them naming repeated or turned-round items), ${tally.skipped} skipped: ${[...tally.reasons].map(([r, n]) => `${r} ${n}`).join('; ')}`,
    );
    // Both paths were taken: letters imported whole and letters refused.
    expect(tally.imported).toBeGreaterThan(CASES / 10);
    expect(tally.skipped).toBeGreaterThan(CASES / 10);
    expect(tally.repeatsOrFlips).toBeGreaterThan(CASES / 10);
  }, 60_000);
});
