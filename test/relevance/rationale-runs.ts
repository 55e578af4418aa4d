// The bar for ranking: a distinctive run of seven words from a letter's rationale, typed without
// quotes, puts that letter in the top three. For each letter of a corpus this picks one such run:
// seven plain words from one of its item rationales (no digits or inner punctuation, at least two
// words of six letters or more) that no other letter holds, starting from the middle of the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RationaleRun {
  id: string;
  q: string;
}

const RUN = 7;
const normalized = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()} `;

/** The item rationales of a letter's Markdown body: the text under its "### Item N:" headings. */
function rationales(body: string): string[] {
  return body
    .split(/^### Item \d+:.*$/m)
    .slice(1)
    .map((part) => part.split(/^## /m)[0]!)
    .map((part) =>
      part
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('**') && !/guideline:/.test(line))
        .join(' '),
    );
}

export function rationaleRuns(corpusDir: string): RationaleRun[] {
  const dir = join(corpusDir, 'determinations');
  const letters = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const body = text.slice(text.indexOf('\n---', 4) + 4);
      return { id: /^id: (.+)$/m.exec(text)![1]!.replace(/^"|"$/g, ''), body, all: normalized(body) };
    });
  const runs: RationaleRun[] = [];
  for (const letter of letters) {
    const others = letters.filter((l) => l !== letter);
    search: for (const text of rationales(letter.body)) {
      const words = text.split(/\s+/);
      const from = Math.floor(words.length / 2);
      for (const start of [...words.keys()].slice(from).concat([...words.keys()].slice(0, from))) {
        const run = words.slice(start, start + RUN);
        if (run.length < RUN || !run.every((w) => /^[A-Za-z]+$/.test(w)) || run.filter((w) => w.length >= 6).length < 2) continue;
        const phrase = normalized(run.join(' '));
        if (others.some((o) => o.all.includes(phrase))) continue;
        runs.push({ id: letter.id, q: run.join(' ') });
        break search;
      }
    }
  }
  return runs;
}
