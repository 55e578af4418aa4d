// npm run accuracy -- [--txt] [--corpus DIR]
// Imports the development letters (PDF by default, or their text dumps) in memory and compares
// them with reference.jsonl, a second opinion made by a throwaway script (not truth): prints the
// share of items with the right request, outcome and reviewer citation, and of header fields and
// reviewer credentials; any letter skipped or warned about, or with another item count, is listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { convertLetter } from '../import/import-letter.ts';
import { group } from '../import/match-group.ts';
import { toIsoDate } from '../import/parse-dates.ts';
import { corpusCatalogue } from '../../src/data/files/content-dir.ts';
import type { Citation, Determination } from '../../src/lib/schema/determination.ts';

interface ReferenceItem {
  treatment: string;
  decision: string;
  maximus_guideline: string;
}
interface Reference {
  case_number: string;
  date_assigned: string;
  decision_date: string;
  date_of_injury: string;
  ur_denial_date: string;
  application_received: string;
  priority: string;
  licensure: string;
  specialty: string;
  items: ReferenceItem[];
}

const { values } = parseArgs({
  options: { txt: { type: 'boolean', default: false }, corpus: { type: 'string', default: '../shared/corpus/letters' } },
});
const corpus = values.corpus;
const references: Reference[] = readFileSync(join(corpus, 'reference.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const catalogue = loadCatalogue(corpusCatalogue().dir);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

const tally = {
  items: 0,
  request: 0,
  outcome: 0,
  citation: 0,
  letters: 0,
  header: 0,
  caseNumber: 0,
  credentials: 0,
  skipped: 0,
  warned: 0,
};
const misses: string[] = [];
const leftovers: string[] = []; // requests that fell to the taxonomy's fallback type
const started = performance.now();
for (const ref of references) {
  const file = values.txt ? join(corpus, 'txt', `${ref.case_number}.txt`) : join(corpus, 'pdf', `${ref.case_number}.pdf`);
  const result = await convertLetter(file, readFileSync(file), catalogue);
  tally.letters++;
  tally.items += ref.items.length;
  if (!result.ok) {
    tally.skipped++;
    misses.push(`${ref.case_number}: skipped: ${result.reason}`);
    continue;
  }
  const d = result.determination;
  if (result.warnings.length > 0) {
    tally.warned++;
    misses.push(...result.warnings.map((w) => `${ref.case_number}: warning: ${w}`));
  }
  leftovers.push(...d.items.filter((i) => i.treatmentType === catalogue.taxonomy.fallback).map((i) => i.request));
  if (d.caseNumber === ref.case_number) tally.caseNumber++;
  const headerOk = sameHeader(d, ref);
  if (headerOk) tally.header++;
  else misses.push(`${ref.case_number}: header differs`);
  const credentials = credentialsProblem(d, ref);
  if (!credentials) tally.credentials++;
  else misses.push(`${ref.case_number}: ${credentials}`);
  if (d.items.length !== ref.items.length)
    misses.push(`${ref.case_number}: ${d.items.length} items, the reference has ${ref.items.length}`);
  ref.items.forEach((ri, i) => {
    const item = d.items[i];
    if (!item) return void misses.push(`${ref.case_number} item ${i + 1}: missing`);
    if (norm(item.request) === norm(ri.treatment)) tally.request++;
    else misses.push(`${ref.case_number} item ${i + 1}: request ${JSON.stringify(item.request)} vs ${JSON.stringify(ri.treatment)}`);
    if (item.outcome === ri.decision.toLowerCase()) tally.outcome++;
    else misses.push(`${ref.case_number} item ${i + 1}: outcome ${item.outcome} vs ${ri.decision}`);
    const problem = citationProblem(item.citations.reviewer, ri.maximus_guideline);
    if (!problem) tally.citation++;
    else misses.push(`${ref.case_number} item ${i + 1}: reviewer citation: ${problem}`);
  });
}

/** Checks our reviewer citations against the reference's field text: same words, every cited section and page present, a catalogue guideline for every MTUS/ODG/ACOEM source. */
function citationProblem(citations: Citation[], text: string): string | undefined {
  if (/did not cite any/i.test(text)) return citations.length === 0 ? undefined : 'cites nothing, but citations were found';
  if (citations.length === 0) return 'no citation found';
  // Our section names with their catalogue spellings, so "Electro- diagnostic testing" finds its canonical name.
  const ours = new Set(
    citations.flatMap((c) => {
      if (!c.section) return [];
      const known = catalogue.guidelines.find((g) => g.slug === c.guideline)?.sections.find((s) => s.name === c.section);
      return [c.section, ...(known?.aliases ?? [])].map(norm);
    }),
  );
  const pages = new Set(citations.flatMap((c) => c.pages ?? []));
  const sectionLists = [
    ...text.matchAll(/Section\(s\):\s*(.+?)(?=, and [A-Z][^.:]*?\d{4}(?: Guidelines)?, Section\(s\)|\. Decision based|\.$|$)/g),
  ].map((m) => group(m, 1));
  for (const list of sectionLists) {
    for (const cited of list.split(/,\s(?=[A-Z0-9])/)) {
      const name = norm(cited.replace(/\.$/, ''));
      if (/^\d+$/.test(name)) {
        if (!pages.has(Number(name))) return `page ${name} missing`;
        // Section names may hold commas ("NSAIDs, GI symptoms & cardiovascular risk"): a piece of one counts.
      } else if (![...ours].some((s) => s.includes(name) || name.startsWith(s))) return `section "${cited}" missing`;
    }
  }
  for (const m of text.matchAll(/Page\(s\):\s*([\d,\s/-]+)/g)) {
    for (const n of group(m, 1).match(/\d+/g) ?? []) if (!pages.has(Number(n))) return `page ${n} missing`;
  }
  const named = (re: RegExp) => re.test(text);
  const families = new Set(citations.map((c) => catalogue.guidelines.find((g) => g.slug === c.guideline)?.family));
  if (named(/\bMTUS\b(?! Guidelines\.)/) && !/outside of the MTUS/i.test(text.replace(/Non-\s?MTUS/g, '')) && !families.has('mtus'))
    return 'MTUS cited but no MTUS guideline resolved';
  if (named(/\bODG\b|Official Disability Guidelines/) && !families.has('odg')) return 'ODG cited but no ODG guideline resolved';
  return undefined;
}

/** The reviewer's states and specialties, as lists: the reference keeps the letter's comma-separated text. */
function credentialsProblem(d: Determination, ref: Reference): string | undefined {
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const ours = { licensure: d.reviewer.licensedIn, specialty: d.reviewer.specialties };
  for (const field of ['licensure', 'specialty'] as const) {
    if (JSON.stringify(ours[field]) !== JSON.stringify(list(ref[field])))
      return `${field} ${JSON.stringify(ours[field])} vs ${JSON.stringify(ref[field])}`;
  }
  return undefined;
}

function sameHeader(d: Determination, ref: Reference): boolean {
  const pairs: Array<[string | undefined, string]> = [
    [d.dates.assigned, ref.date_assigned],
    [d.dates.decided, ref.decision_date],
    [d.dates.injury, ref.date_of_injury],
    [d.dates.urDenial, ref.ur_denial_date],
    [d.dates.applicationReceived, ref.application_received],
  ];
  return pairs.every(([ours, theirs]) => ours === toIsoDate(theirs)) && d.priority === ref.priority.toLowerCase();
}

const seconds = (performance.now() - started) / 1000;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} % (${n}/${of})`;
for (const m of misses) console.log(`  ${m}`);
console.log(
  `letters: ${tally.letters} from ${values.txt ? 'text' : 'PDF'}, skipped ${tally.skipped}, with warnings ${tally.warned}, in ${seconds.toFixed(2)} s (${(tally.letters / seconds).toFixed(0)} letters/s, parsing and classifying included)`,
);
console.log(
  `case numbers: ${pct(tally.caseNumber, tally.letters)}; header dates + priority: ${pct(tally.header, tally.letters)}; reviewer licensure + specialties: ${pct(tally.credentials, tally.letters)}`,
);
console.log(
  `items: request ${pct(tally.request, tally.items)}; outcome ${pct(tally.outcome, tally.items)}; reviewer citation ${pct(tally.citation, tally.items)}`,
);
console.log(
  `treatment type "${catalogue.taxonomy.fallback}": ${pct(leftovers.length, tally.items)}${leftovers.length > 0 ? `: ${leftovers.slice(0, 10).join('; ')}` : ''}`,
);
