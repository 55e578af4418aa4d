// Classifies one disputed item by its request (shown above classifyTreatment). The rules are data:
// treatment types (content/treatments.yml) are tried in file order, the first whose `match` hits
// and whose `exclude` does not wins, else the taxonomy's fallback; body regions
// (content/body-regions.yml) are all kept that hit, in file order.
import type { BodyRegion, TreatmentTaxonomy } from '../../src/lib/schema/index.ts';
import { RULE_FLAGS, type RuleEntry } from '../../src/data/files/load-catalogue.ts';

interface Compiled {
  slug: string;
  match: RegExp[];
  exclude: RegExp[];
}

const cache = new WeakMap<readonly RuleEntry[], Compiled[]>();

/** Compiled once per catalogue list, not once per request. */
function compile(entries: readonly RuleEntry[]): Compiled[] {
  let compiled = cache.get(entries);
  if (!compiled) {
    compiled = entries.map((e) => ({
      slug: e.slug,
      match: e.match.map((rule) => new RegExp(rule, RULE_FLAGS)),
      exclude: e.exclude.map((rule) => new RegExp(rule, RULE_FLAGS)),
    }));
    cache.set(entries, compiled);
  }
  return compiled;
}

const hits = (entry: Compiled, text: string) => entry.match.some((re) => re.test(text)) && !entry.exclude.some((re) => re.test(text));
const oneLine = (request: string) => request.replace(/\s+/g, ' ').trim();

// The request is the item heading as the letter prints it, without its verdict:
//
//   Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016: Upheld
//   ^ request                                                                        ^ (not passed in)
/** Slug of the treatment type of a request ("Norco 10/325mg #60" -> "opioids"). */
export function classifyTreatment(request: string, taxonomy: TreatmentTaxonomy): string {
  const text = oneLine(request);
  return compile(taxonomy.types).find((t) => hits(t, text))?.slug ?? taxonomy.fallback;
}

/** Slugs of the body regions a request names ("MRI of the cervical and lumbar spine" -> both); [] for none. */
export function classifyRegions(request: string, regions: readonly BodyRegion[]): string[] {
  const text = oneLine(request);
  return compile(regions)
    .filter((r) => hits(r, text))
    .map((r) => r.slug);
}
