// Generates a benchmark corpus of N determinations by recombining the parsed parts of the sample
// letters: each generated letter takes its items from several real letters, its case summary and
// reviewer from others, and gets new dates (2013–2026) and a new case number, so lengths, item
// counts, outcomes, guidelines and treatment types are realistic but no letter is a verbatim copy.
// Deterministic: the same sample and N give the same files.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { stringify } from 'yaml';
import { DeterminationSchema, type Determination, type Item } from '../../src/lib/schema/determination.ts';
import { determinationYear } from '../../src/lib/determination-year.ts';
import { escapeMarkdown } from '../import/markdown-text.ts';

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
    const file = matter(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    const d = DeterminationSchema.parse(file.data);
    const [head, ...blocks] = file.content.split(/^### Item \d+: .*$/m);
    const sections = new Map<string, string>();
    for (const chunk of head.split(/^## /m).slice(1)) {
      const newline = chunk.indexOf('\n');
      sections.set(chunk.slice(0, newline).trim(), chunk.slice(newline + 1).trim());
    }
    letters.push({ d, sections });
    blocks.forEach((block, i) => parts.push({ item: d.items[i], block: block.trim(), letter: letters.length - 1 }));
  }
  return { letters, parts };
}

/** Small seeded PRNG (mulberry32): the benchmark corpus must be the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const FIRST = Date.UTC(2013, 0, 2);
const LAST = Date.UTC(2026, 9, 30);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Writes N generated determinations (and the catalogue) into outDir, a content folder. */
export function generateCorpus(sampleDir: string, outDir: string, count: number, onProgress?: (done: number) => void): { files: number; bytes: number } {
  const { letters, parts } = readSample(sampleDir);
  const next = random(20261125);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const itemCounts = letters.map((l) => l.d.items.length);
  cpSync(join(sampleDir, 'guidelines'), join(outDir, 'guidelines'), { recursive: true });
  cpSync(join(sampleDir, 'treatments.yml'), join(outDir, 'treatments.yml'));
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const base = pick(letters);
    const chosen: Part[] = Array.from({ length: pick(itemCounts) }, () => pick(parts));
    // The summary and reviewer come from a letter none of the items came from: never a copy.
    let other = pick(letters);
    while (chosen.some((p) => letters[p.letter] === other) && letters.length > 1) other = pick(letters);
    const decided = FIRST + Math.floor(next() * ((LAST - FIRST) / DAY)) * DAY;
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
      ...['How the IMR final determination was made', 'Clinical case summary'].flatMap((h) => (other.sections.has(h) ? [`## ${h}`, other.sections.get(h)!] : [])),
      '## Decisions and rationales',
      base.sections.get('Decisions and rationales') ?? '',
      ...chosen.flatMap((p, i) => [`### Item ${i + 1}: ${escapeMarkdown(p.item.request)}`, p.block]),
    ].join('\n\n');
    d.source.sha256 = createHash('sha256').update(body).digest('hex');
    const text = `---\n${stringify(d, { version: '1.1', lineWidth: 0 })}---\n\n${body}\n`;
    const dir = join(outDir, 'determinations', determinationYear(d));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.md`), text);
    bytes += text.length;
    if ((n + 1) % 1000 === 0 || n + 1 === count) onProgress?.(n + 1);
  }
  return { files: count, bytes };
}
