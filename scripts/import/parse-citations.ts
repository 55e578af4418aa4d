// Reads one guideline field of a letter item ("Claims Administrator guideline:" or "MAXIMUS
// guideline:"; the field is shown above parseCitations): one Citation per guideline chapter and
// section cited. Which names mean which guideline is data (content/guidelines/*.yml, `match`);
// this module only knows the grammar of the field.
import type { Citation } from '../../src/lib/schema/determination.ts';
import type { Guideline } from '../../src/lib/schema/guideline.ts';
import { RULE_FLAGS } from '../../src/data/files/load-catalogue.ts';
import { CITATION_START } from '../../src/lib/schema/body-vocab.ts';

/** Each "Decision based on ..." starts one sentence; anything before the first is preamble. */
const DECISION = new RegExp(CITATION_START.source, 'gi');
const MTUS_LEAD = /^MTUS\b[\s,:]*/i;
/** "Non-MTUS Citation", "Non- MTUS Citation" (a line break after the hyphen), "Non-MTUS". */
const NON_MTUS_LEAD = /^Non[-\s]\s*MTUS\b(?:\s+Citations?\b)?[\s,:]*/i;
const NOTHING_CITED = /\bdid not cite any\b/i;
const SECTIONS_LABEL = /\bSections?\(s\)\s*:|\bSections?\s*:/i;
/** "Page(s): 116/127", "pg. 607", "page 137", "p 301", "pages 303-305". */
const PAGES = /\b(?:page\(s\)|pages?|pgs?|pp?)\.?\s*:?\s*(\d+(?:\s*(?:[-–/,]|and)\s*\d+)*)\b(?:\s+of\s+\d+\b)?/i;
const PAGE_LIST_ITEM = /^\d+(?:\s*[-–/]\s*\d+)*$/;
/** A known section name ends at the end of the list or at a comma not followed by a lower-case word. */
const NAME_ENDS = /^\s*(?:$|[,;.](?!\s*[a-z]))/;
const NUMBERED_ITEM = /^\d+(?:\.\d+)*\.?\s+\D/;
/** What may stand between two chapters that are cited one after the other. */
const SEPARATOR_BEFORE = /(?:^|[,;]|\band)\s*$/i;
// A full stop ends a sentence before a capital, but not after an initial ("Harris J."), a list
// number ("Section(s): 3. Opioids", "3.3.9 ...") or an abbreviation ("pg. 607", "et al.").
const NOT_AN_END = String.raw`(?<!\b[A-Z]|(?:^|[\s:,(])\d{1,2}(?:\.\d{1,2})*|\b(?:pg|pp?|[Ee]d|[Vv]ol|[Nn]o|al|e\.g|i\.e|vs|Dr|Inc))`;
const SENTENCE_END = new RegExp(String.raw`${NOT_AN_END}\.\s+(?=[A-Z])`);
const SENTENCE_END_BEFORE = new RegExp(String.raw`${NOT_AN_END}\.\s+$`);
/** Furniture around a topic: chapter words, edition notes, dates, "(Acute & Chronic)". */
const TOPIC_NOISE = new RegExp(
  [
    String.raw`Sections?(?:\(s\))?`,
    String.raw`chapters?(?:\s+\d+)?`,
    String.raw`topic`,
    String.raw`guidelines?`,
    String.raw`procedures?(?: summary)?`,
    String.raw`(?:online|web) version`,
    String.raw`\(web\)`,
    String.raw`treatment index`,
    String.raw`MTUS`,
    // Regulation numbers: "MTUS 9792.20 - 9792.26" names the schedule, not a topic.
    String.raw`9792\.\d+(?:\.\d+)*(?:\s*[-–]\s*9792\.\d+(?:\.\d+)*)?`,
    String.raw`ODG`,
    String.raw`work loss data institute`,
    String.raw`\d+(?:st|nd|rd|th) (?:annual )?ed(?:ition|\.)?`,
    String.raw`(?:updated |revised )?\d{1,2}\/\d{1,2}\/\d{2,4}`,
    String.raw`\(?(?:19|20)\d\d\)?`,
    // Parentheses that qualify a chapter rather than name a topic.
    String.raw`\([^()]*\b(?:acute|chronic|updated|online|version|edition|trauma|lumbar|thoracic)\b[^()]*\)`,
    String.raw`\(\s*\)`,
  ].join('|'),
  'i',
);
const LEADING_NOISE = new RegExp(String.raw`^(?:[\s,.;:/\-–—)]+|(?:${TOPIC_NOISE.source})(?![\w(])\s*)`, 'i');
const TRAILING_NOISE = /(?:\.|\s(?:chapter|section|topic|\(?(?:19|20)\d\d\)?))$/i;
// Stripped with a loop, not a `[...]+$` regex: that one is quadratic on long runs of these characters.
const TRAILING_PUNCTUATION = new Set([...' ,;:/-–—(']);

function stripTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && (TRAILING_PUNCTUATION.has(s[end - 1]!) || /\s/.test(s[end - 1]!))) end--;
  return s.slice(0, end);
}

interface Entry {
  guideline: Guideline;
  rules: RegExp[];
  /** Lowest priority of its family: stands for the family when no chapter is named. */
  catchAll: boolean;
  /** Lower-cased name or alias -> canonical section name. */
  sections: Map<string, string>;
  /** Lower-cased names and aliases, longest first, for splitting "Section(s):" lists. */
  sectionKeys: string[];
}

interface Compiled {
  entries: Entry[];
  fallback: Entry;
  catchAllOf: Map<Guideline['family'], Entry>;
}

interface Hit {
  entry: Entry;
  start: number;
  end: number;
}

/** One guideline as cited in a sentence: where its name was and the words that follow it. */
interface Open {
  entry: Entry | null;
  start: number;
  end: number;
  /** Words between a catch-all ("ODG") and the chapter it turned into ("MRI" in "ODG MRI hand"). */
  lead: string;
  /** Spans inside the tail to drop: a repeated "ODG" or "MTUS" that starts nothing new. */
  cuts: Array<[number, number]>;
}

const cache = new WeakMap<readonly Guideline[], Compiled>();

/** Compiled once per catalogue array; regexes are never rebuilt per field. */
function compile(guidelines: readonly Guideline[]): Compiled {
  const hit = cache.get(guidelines);
  if (hit) return hit;
  const ordered = [...guidelines].sort((a, b) => b.priority - a.priority || a.slug.localeCompare(b.slug));
  const lowest = new Map<Guideline['family'], number>();
  for (const g of ordered) lowest.set(g.family, Math.min(lowest.get(g.family) ?? Infinity, g.priority));
  const entries: Entry[] = ordered.map((guideline) => {
    const sections = new Map<string, string>();
    for (const s of guideline.sections) for (const name of [s.name, ...s.aliases]) sections.set(key(name), s.name);
    return {
      guideline,
      rules: guideline.match.map((rule) => new RegExp(rule, `${RULE_FLAGS}g`)),
      catchAll: guideline.priority === lowest.get(guideline.family),
      sections,
      sectionKeys: [...sections.keys()].sort((a, b) => b.length - a.length),
    };
  });
  const fallback = entries.at(-1);
  if (!fallback) throw new Error('parseCitations: the guideline catalogue is empty');
  const catchAllOf = new Map(entries.filter((e) => e.catchAll).map((e) => [e.guideline.family, e] as const));
  const compiled = { entries, fallback, catchAllOf };
  cache.set(guidelines, compiled);
  return compiled;
}

// A field, label removed and wrapped lines joined with single spaces:
//
//   Decision based on MTUS Low Back Complaints 2004, Section(s): Surgical Considerations, Physical
//   Methods, Summary. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low
//   Back (Thoracic and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection (ESI) and
//   Other Medical Treatment Guidelines www.mdguidelines.com.
//
//   Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 116/127.      (2014, by page)
//   The Expert Reviewer did not cite any medical evidence for its decision.         (nothing: [])
export function parseCitations(field: string, guidelines: readonly Guideline[]): Citation[] {
  const catalogue = compile(guidelines);
  const text = field.replace(/\s+/g, ' ').trim();
  const sentences = splitSentences(text);
  if (sentences.length === 0) return text === '' || NOTHING_CITED.test(text) ? [] : parseSentence(text, text, catalogue);
  return sentences.flatMap((sentence) => parseSentence(sentence, sentence.replace(DECISION, ''), catalogue));
}

function splitSentences(text: string): string[] {
  const starts = [...text.matchAll(DECISION)].map((m) => m.index);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).trim());
}

function parseSentence(sentence: string, rest: string, catalogue: Compiled): Citation[] {
  // The sentence's own words decide the family: "MTUS ..." names only MTUS chapters,
  // "Non-MTUS Citation ..." names anything else; a field without either may name both.
  let body = rest;
  let families: (family: Guideline['family']) => boolean = () => true;
  let unnamed = catalogue.fallback;
  if (NON_MTUS_LEAD.test(body)) {
    body = body.replace(NON_MTUS_LEAD, '');
    families = (f) => f !== 'mtus';
  } else if (MTUS_LEAD.test(body)) {
    body = body.replace(MTUS_LEAD, '');
    families = (f) => f === 'mtus';
    unnamed = catalogue.catchAllOf.get('mtus') ?? catalogue.fallback;
  }
  const candidates = catalogue.entries.filter((e) => families(e.guideline.family));
  const opens = group(body, scan(body, candidates));
  const citations = opens.flatMap((open, i) => {
    const entry = open.entry ?? unnamed;
    const end = opens[i + 1]?.start ?? body.length;
    // Words nothing recognised are an unknown guideline's name, not a topic: keep only listed
    // sections and pages for them.
    return cite(entry, tailOf(body, open, end), open.lead, sentence, open.entry !== null);
  });
  // Two names of one source in a sentence ("... version 21.0. UpToDate") are one citation.
  return citations.filter((c, i) => citations.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i);
}

/** Every guideline name in the body, leftmost first; at one position the higher priority wins. */
function scan(body: string, candidates: Entry[]): Hit[] {
  const all: Hit[] = [];
  for (const entry of candidates) {
    for (const rule of entry.rules) {
      for (const m of body.matchAll(rule)) {
        if (m[0].length > 0) all.push({ entry, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  const order = (a: Hit, b: Hit) => a.start - b.start || b.entry.guideline.priority - a.entry.guideline.priority || b.end - a.end;
  const hits: Hit[] = [];
  for (const h of all.sort(order)) if (h.start >= (hits.at(-1)?.end ?? 0)) hits.push(h);
  return hits;
}

/** Decides, name by name, whether it starts a new citation or belongs to the one open. */
function group(body: string, hits: Hit[]): Open[] {
  const opens: Open[] = [];
  let cur: Open = { entry: null, start: 0, end: 0, lead: '', cuts: [] };
  opens.push(cur);
  for (const hit of hits) {
    const at = cur.entry;
    const before = body.slice(0, hit.start);
    // A name after a sentence end starts a citation too ("...Complaints 2004. MTUS Knee ...").
    const separated = SEPARATOR_BEFORE.test(before) || SENTENCE_END_BEFORE.test(before);
    const sameFamily = at?.guideline.family === hit.entry.guideline.family;
    if (!at) {
      Object.assign(cur, { entry: hit.entry, start: hit.start, end: hit.end });
    } else if (hit.entry.catchAll) {
      if (sameFamily && !separated) cur.cuts.push([hit.start, hit.end]);
      else opens.push((cur = { entry: hit.entry, start: hit.start, end: hit.end, lead: '', cuts: [] }));
    } else if (hit.entry === at) {
      // "ODG Shoulder section, MRI shoulder": the chapter named again inside its topic.
    } else if (sameFamily && at.catchAll) {
      // "Official Disability Guidelines (ODG) Low Back ...": the catch-all names its chapter.
      Object.assign(cur, { entry: hit.entry, lead: body.slice(cur.end, hit.start), end: hit.end });
    } else if (separated && !at.catchAll) {
      opens.push((cur = { entry: hit.entry, start: hit.start, end: hit.end, lead: '', cuts: [] }));
    }
    // Otherwise a chapter word inside another body's reference ("ACOEM: Low back disorders").
  }
  // No name at all: the whole body is one citation of the sentence's catch-all.
  return opens.filter((o) => o.entry || body.trim());
}

function tailOf(body: string, open: Open, end: number): string {
  let tail = '';
  let from = open.end;
  for (const [a, b] of open.cuts) {
    tail += `${body.slice(from, a)} `;
    from = b;
  }
  return (tail + body.slice(from, end)).replace(/(?:[\s,;.:]|\band\b)+$/i, '');
}

function cite(entry: Entry, fullTail: string, lead: string, text: string, named: boolean): Citation[] {
  const guideline = entry.guideline.slug;
  if (entry.guideline.family === 'other') return [{ guideline, text }];
  // A citation's sections and pages follow its name in the same sentence; what a later sentence
  // says ("...Complaints 2004. The notes were read, p 5.") stays only in the citation's text.
  const tail = untilSentenceEnd(fullTail);
  const label = SECTIONS_LABEL.exec(tail);
  if (!label) {
    const { topic, pages } = takePages(tail);
    const section = named ? [clean(lead), clean(topic)].filter(Boolean).join(', ') : '';
    return [citation(entry, section, pages, text)];
  }
  // "Section(s): 326, Diagnostic Criteria" lists sections, page numbers among them.
  const out: Citation[] = [];
  for (const item of splitList(tail.slice(label.index + label[0].length), entry)) {
    if (PAGE_LIST_ITEM.test(item)) {
      const last = out.at(-1);
      if (last && !last.section && last.pages) last.pages = [...new Set([...last.pages, ...pageNumbers(item)])];
      else out.push(citation(entry, '', pageNumbers(item), text));
    } else {
      const { topic, pages } = takePages(item);
      out.push(citation(entry, clean(topic), pages, text));
    }
  }
  return out.length > 0 ? out : [{ guideline, text }];
}

function untilSentenceEnd(tail: string): string {
  const end = SENTENCE_END.exec(tail);
  return end ? tail.slice(0, end.index) : tail;
}

function citation(entry: Entry, section: string, pages: number[], text: string): Citation {
  const canonical = section ? (entry.sections.get(key(section)) ?? section) : undefined;
  return {
    guideline: entry.guideline.slug,
    ...(canonical ? { section: canonical } : {}),
    ...(pages.length > 0 ? { pages } : {}),
    text,
  };
}

/**
 * Splits "NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs)": commas sit
 * inside section names too, so known names are taken whole first; otherwise a lower-case word
 * continues the previous name, and in numbered lists only a new number starts one.
 */
function splitList(list: string, entry: Entry): string[] {
  const items: string[] = [];
  let rest = list.trim();
  while (rest) {
    const lower = rest.toLowerCase();
    const known = entry.sectionKeys.find((k) => lower.startsWith(k) && NAME_ENDS.test(rest.slice(k.length)));
    let item: string;
    if (known) item = rest.slice(0, known.length);
    else {
      const numbered = NUMBERED_ITEM.test(rest);
      let cut = -1;
      for (const comma of commasOutsideParens(rest)) {
        const next = rest.slice(comma + 1).trimStart();
        if (numbered ? NUMBERED_ITEM.test(next) || PAGE_LIST_ITEM.test(next.split(',')[0]!.trim()) : /^[^a-z]/.test(next)) {
          cut = comma;
          break;
        }
      }
      item = cut < 0 ? rest : rest.slice(0, cut);
    }
    items.push(item.trim().replace(/[.,;]+$/, ''));
    rest = rest.slice(item.length).replace(/^[\s,.;]+/, '');
  }
  return items.filter(Boolean);
}

function commasOutsideParens(s: string): number[] {
  const at: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) at.push(i);
  }
  return at;
}

function takePages(s: string): { topic: string; pages: number[] } {
  const m = PAGES.exec(s);
  if (!m) return { topic: s, pages: [] };
  return { topic: s.slice(0, m.index) + s.slice(m.index + m[0].length), pages: pageNumbers(m[1]!) };
}

/** "116/127" -> [116, 127]; "78-80" -> [78, 79, 80]; "111-113, 22" -> [111, 112, 113, 22]. */
export function pageNumbers(list: string): number[] {
  const pages: number[] = [];
  for (const part of list.split(/\s*(?:[/,]|\band\b)\s*/i)) {
    const [a, b] = part.split(/\s*[-–]\s*/).map(Number);
    if (!a) continue;
    // A "range" running backwards or over a whole book is two page numbers, not a range.
    if (b && b >= a && b - a <= 60) for (let p = a; p <= b; p++) pages.push(p);
    else pages.push(a, ...(b ? [b] : []));
  }
  return [...new Set(pages)];
}

/** Strips chapter furniture around a topic; unwraps "(Durable medical equipment (DME))". */
function clean(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  for (let before = ''; before !== t;) {
    before = t;
    t = stripTrailingPunctuation(t.replace(LEADING_NOISE, '')).replace(TRAILING_NOISE, '').trim();
    const wrapped = /^\((.*)\)$/.exec(t);
    if (wrapped && balanced(wrapped[1]!)) t = wrapped[1]!.trim();
  }
  return t;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function key(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}
