// Generates a benchmark corpus of N determinations by recombining the parsed parts of the sample
// letters (items from several letters, summary and reviewer from others, new dates and case
// numbers), so that it is realistic but no letter is a copy. Letter n draws from its own seeded
// generator, so it is the same file whatever N is, and a corpus can be extended (`start`).
//   node --import tsx scripts/dev/bench/generate-corpus.ts <sample content dir> <out dir> <N> [--start n] [--from ISO] [--to ISO]
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DeterminationSchema, type Determination, type Item } from '../../../src/lib/schema/determination.ts';
import { determinationYear } from '../../../src/lib/corpus/determination-year.ts';
import { parseFrontmatter } from '../../../src/lib/body/frontmatter.ts';
import { stringifyYaml } from '../../../src/lib/files/yaml.ts';
import { cutBody } from '../../../src/lib/body/cut-body.ts';
import { ITEM_DEPTH, SECTION, itemHeadingText, sectionHeadingLine } from '../../../src/lib/schema/body-vocab.ts';
import { heading, root, writeMarkdown } from '../../import/write-markdown.ts';

interface Part {
  item: Item;
  /** The item's body block without its "### Item N: ..." heading line. */
  block: string;
  letter: number;
}
interface Letter {
  d: Determination;
  sections: Map<string, string>;
}

/** Reads the sample: every determination, its body cut into sections and item blocks. */
export function readSample(contentDir: string): { letters: Letter[]; parts: Part[] } {
  const folder = join(contentDir, 'determinations');
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md'));
  const letters: Letter[] = [];
  const parts: Part[] = [];
  for (const entry of files.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = parseFrontmatter(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    const d = DeterminationSchema.parse(file.data);
    const body = cutBody(file.body);
    letters.push({ d, sections: new Map(body.sections.map((s) => [s.title, s.markdown])) });
    body.items.forEach((block, i) => {
      const item = d.items[i];
      if (!item) throw new Error(`${entry.name}: the body has more items than the frontmatter`);
      parts.push({ item, block: block.markdown, letter: letters.length - 1 });
    });
  }
  return { letters, parts };
}

/** Small seeded PRNG (mulberry32): the benchmark corpus must be the same on every run. */
function random(seed: number): () => number {
  // Mixes the seed first (murmur3's finaliser), so letters n and n + 1 draw unrelated numbers.
  seed = Math.imul(seed ^ (seed >>> 16), 0x85ebca6b);
  seed = Math.imul(seed ^ (seed >>> 13), 0xc2b2ae35);
  seed ^= seed >>> 16;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const SEED = 20261125;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GenerateOptions {
  /** Number of the first letter written (case numbers follow it), so a corpus can be extended. Default 0. */
  start?: number;
  /** Decision dates are drawn between these days (ISO, inclusive). Default 2013-01-02 to 2026-10-30. */
  from?: string;
  to?: string;
}

/** Writes N generated determinations (and the catalogue) into outDir, a content folder. */
export function generateCorpus(
  sampleDir: string,
  outDir: string,
  count: number,
  onProgress?: (done: number) => void,
  { start = 0, from = '2013-01-02', to = '2026-10-30' }: GenerateOptions = {},
): { files: number; bytes: number } {
  const { letters, parts } = readSample(sampleDir);
  const first = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - first) / DAY) + 1;
  if (!(days > 0)) throw new Error(`no days between ${from} and ${to}`);
  const itemCounts = letters.map((l) => l.d.items.length);
  cpSync(join(sampleDir, 'guidelines'), join(outDir, 'guidelines'), { recursive: true });
  cpSync(join(sampleDir, 'treatments.yml'), join(outDir, 'treatments.yml'));
  cpSync(join(sampleDir, 'body-regions.yml'), join(outDir, 'body-regions.yml'));
  cpSync(join(sampleDir, 'synonyms.yml'), join(outDir, 'synonyms.yml'));
  let bytes = 0;
  for (let n = start; n < start + count; n++) {
    const next = random(SEED + n);
    const pick = <T>(list: T[]): T => {
      const value = list[Math.floor(next() * list.length)];
      if (value === undefined) throw new Error(`nothing to draw from in ${sampleDir}`);
      return value;
    };
    const base = pick(letters);
    const chosen: Part[] = Array.from({ length: pick(itemCounts) }, () => pick(parts));
    // The summary and reviewer come from a letter none of the items came from: never a copy.
    let other = pick(letters);
    while (chosen.some((p) => letters[p.letter] === other) && letters.length > 1) other = pick(letters);
    const decided = first + Math.floor(next() * days) * DAY;
    const yy = new Date(decided).getUTCFullYear() % 100;
    const id = `CM${String(yy).padStart(2, '0')}-${String(5_000_000 + n).padStart(7, '0')}`;
    const d: Determination = {
      id,
      caseNumber: id,
      dates: {
        assigned: iso(decided - 30 * DAY),
        decided: iso(decided),
        injury: iso(decided - Math.floor(90 + next() * 2000) * DAY),
        urDenial: iso(decided - 45 * DAY),
        applicationReceived: iso(decided - 38 * DAY),
      },
      priority: next() < 0.03 ? 'expedited' : 'standard',
      patient: other.d.patient,
      reviewer: base.d.reviewer,
      diagnoses: other.d.diagnoses,
      items: chosen.map((p) => p.item),
      source: { file: `${id}.txt`, sha256: '', format: 'imr-2016', synthetic: true },
    };
    const body = [
      ...[SECTION.howMade, SECTION.summary].flatMap((h) => (other.sections.has(h) ? [sectionHeadingLine(h), other.sections.get(h)!] : [])),
      sectionHeadingLine(SECTION.decisions),
      base.sections.get(SECTION.decisions) ?? '',
      ...chosen.flatMap((p, i) => [writeMarkdown(root([heading(ITEM_DEPTH, itemHeadingText(i + 1, p.item.request))])).trimEnd(), p.block]),
    ].join('\n\n');
    d.source.sha256 = createHash('sha256').update(body).digest('hex');
    const text = `---\n${stringifyYaml(d)}---\n\n${body}\n`;
    const dir = join(outDir, 'determinations', determinationYear(d));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.md`), text);
    bytes += text.length;
    const done = n + 1 - start;
    if (done % 1000 === 0 || done === count) onProgress?.(done);
  }
  return { files: count, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { start: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const [sample, out, n] = positionals;
  if (!sample || !out || !n || !/^\d+$/.test(n)) {
    console.error('usage: generate-corpus.ts <sample content dir> <out dir> <N> [--start n] [--from ISO] [--to ISO]');
    process.exit(2);
  }
  const result = generateCorpus(sample, out, Number(n), (done) => console.error(`generated ${done} of ${n}`), {
    start: values.start ? Number(values.start) : undefined,
    from: values.from,
    to: values.to,
  });
  console.log(JSON.stringify(result));
}
