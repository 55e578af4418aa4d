// Classifies one disputed item by its request, the item heading as the letter prints it:
//
//   Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016: Upheld
//   ^ request                                                                        ^ (not passed in)
//
// The rules are data (content/treatments.yml): types are tried in file order, the first whose
// `match` hits and whose `exclude` does not wins; nothing matching gives the taxonomy's fallback.
import type { TreatmentTaxonomy } from '../../src/lib/schema/treatment.ts';
import { RULE_FLAGS } from '../../src/lib/catalogue/load-catalogue.ts';

interface CompiledType {
  slug: string;
  match: RegExp[];
  exclude: RegExp[];
}

const cache = new WeakMap<TreatmentTaxonomy, CompiledType[]>();

/** Compiled once per taxonomy object, not once per request. */
function compile(taxonomy: TreatmentTaxonomy): CompiledType[] {
  let types = cache.get(taxonomy);
  if (!types) {
    types = taxonomy.types.map((t) => ({
      slug: t.slug,
      match: t.match.map((rule) => new RegExp(rule, RULE_FLAGS)),
      exclude: t.exclude.map((rule) => new RegExp(rule, RULE_FLAGS)),
    }));
    cache.set(taxonomy, types);
  }
  return types;
}

/** Slug of the treatment type of a request ("Norco 10/325mg #60" -> "opioids"). */
export function classifyTreatment(request: string, taxonomy: TreatmentTaxonomy): string {
  const text = request.replace(/\s+/g, ' ').trim();
  const hit = compile(taxonomy).find((t) => t.match.some((re) => re.test(text)) && !t.exclude.some((re) => re.test(text)));
  return hit?.slug ?? taxonomy.fallback;
}
