// The one loader of the catalogue (its files are shown above loadCatalogue): the data sets the
// importer classifies against and the site lists (the site reads it through src/data/corpus.ts;
// `check`, accuracy and the tests call it too). Every problem in every file is collected, then
// thrown as one Error, one line each:
//   content/treatments.yml → types.3.slug: expected a lower-case slug like "mtus-low-back-2004", got "Bad Slug"
import { describeIssues } from '../../lib/schema/describe-issues.ts';
import { parseYaml, YamlError } from '../../lib/files/yaml.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { GuidelineSchema, type Guideline } from '../../lib/schema/guideline.ts';
import { TreatmentTaxonomySchema, type TreatmentTaxonomy } from '../../lib/schema/treatment.ts';
import { BodyRegionCatalogueSchema, type BodyRegion } from '../../lib/schema/body-region.ts';
import { SynonymsSchema, type SynonymGroup } from '../../lib/schema/synonyms.ts';
import { searchWords } from '../../lib/search/search-words.ts';
import { NO_REGION } from '../../lib/catalogue/index-treatment-regions.ts';
import { REGIONS } from '../../lib/paths/routes.ts';

export interface Catalogue {
  /** Sorted as they are tried: priority (higher first), then slug. */
  guidelines: Guideline[];
  taxonomy: TreatmentTaxonomy;
  /** Body regions in file order. */
  regions: BodyRegion[];
  /** Search synonyms in file order. */
  synonyms: SynonymGroup[];
}

/** Flags every match rule is compiled with (the schemas promise case-insensitive rules). */
export const RULE_FLAGS = 'i';

type Problems = string[];

/** A catalogue entry classified by its rules (a treatment type, a body region). */
export interface RuleEntry {
  slug: string;
  match: readonly string[];
  exclude: readonly string[];
}

// The catalogue files:
//
//   content/guidelines/mtus-low-back-2004.yml    one guideline per file (GuidelineSchema)
//     slug: mtus-low-back-2004
//     match: ['\blow back complaints\b']
//     sections: [{ name: Special Studies, aliases: [...] }]
//   content/treatments.yml                       the taxonomy (TreatmentTaxonomySchema)
//     fallback: other
//     types: [{ slug: mri, label: MRI, group: Imaging, match: ['\bMRI\b'] }, ...]
//   content/body-regions.yml                     body regions (BodyRegionCatalogueSchema)
//     regions: [{ slug: knee, label: Knee, names: [knee], match: ['\bknees?\b'] }, ...]
//   content/synonyms.yml                         search synonyms (SynonymsSchema)
//     groups: [{ names: [Flexeril, cyclobenzaprine] }, ...]
export function loadCatalogue(contentDir: string): Catalogue {
  const problems: Problems = [];
  // Name files as the user sees them: "content/treatments.yml", whatever the absolute path.
  const shown = (file: string) => relative(dirname(contentDir), file).split(sep).join('/');

  const guidelines = loadGuidelines(join(contentDir, 'guidelines'), shown, problems);
  const taxonomyFile = join(contentDir, 'treatments.yml');
  const taxonomy = loadTaxonomy(taxonomyFile, shown(taxonomyFile), problems);
  const regionFile = join(contentDir, 'body-regions.yml');
  const regions = loadRegions(regionFile, shown(regionFile), problems);
  const synonymFile = join(contentDir, 'synonyms.yml');
  const synonyms = loadSynonyms(synonymFile, shown(synonymFile), problems);

  if (problems.length > 0 || !taxonomy || !regions || !synonyms) {
    const n = problems.length;
    throw new Error(`Invalid catalogue (${n} problem${n === 1 ? '' : 's'}):\n${problems.join('\n')}`);
  }
  return { guidelines, taxonomy, regions, synonyms };
}

function loadGuidelines(dir: string, shown: (f: string) => string, problems: Problems): Guideline[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push(`${shown(dir)}: folder not found`);
    return [];
  }
  if (files.length === 0) problems.push(`${shown(dir)}: expected at least one .yml guideline file`);

  const guidelines: Guideline[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const label = shown(file);
    const data = validate(GuidelineSchema, readYaml(file, label, problems), label, problems);
    if (!data) continue;
    const stem = basename(name, '.yml');
    if (data.slug !== stem) problems.push(`${label} → slug: expected "${stem}" (the file name), got "${data.slug}"`);
    // /treatments/<type>/<guideline>/ would be /treatments/<type>/regions/, the body regions' lists.
    if (data.slug === REGIONS) problems.push(`${label} → slug: "${REGIONS}" is kept for the treatment types' body-region lists`);
    data.match.forEach((rule, i) => checkRule(rule, `${label} → match.${i}`, problems));
    checkSectionNames(data, label, problems);
    guidelines.push(data);
  }

  checkFallbacks(guidelines, shown(dir), problems);
  return guidelines.sort((a, b) => b.priority - a.priority || a.slug.localeCompare(b.slug));
}

function loadTaxonomy(file: string, label: string, problems: Problems): TreatmentTaxonomy | undefined {
  const data = validate(TreatmentTaxonomySchema, readYaml(file, label, problems), label, problems);
  if (!data) return undefined;
  checkRuleEntries(data.types, label, 'types', problems);
  if (!data.types.some((t) => t.slug === data.fallback)) {
    problems.push(`${label} → fallback: expected the slug of one of the types, got "${data.fallback}"`);
  }
  return data;
}

function loadRegions(file: string, label: string, problems: Problems): BodyRegion[] | undefined {
  const data = validate(BodyRegionCatalogueSchema, readYaml(file, label, problems), label, problems);
  if (!data) return undefined;
  checkRuleEntries(data.regions, label, 'regions', problems);
  // Its list page, /treatments/<type>/regions/none/, holds the items that name no region.
  data.regions.forEach((region, i) => {
    if (region.slug === NO_REGION) problems.push(`${label} → regions.${i}.slug: "${NO_REGION}" is kept for items that name no region`);
  });
  return data.regions;
}

/** Each name searchable (a word), in one group only; an exception belongs to a name of its group. */
function loadSynonyms(file: string, label: string, problems: Problems): SynonymGroup[] | undefined {
  const data = validate(SynonymsSchema, readYaml(file, label, problems), label, problems);
  if (!data) return undefined;
  const groupOf = new Map<string, number>();
  data.groups.forEach((group, i) => {
    group.names.forEach((name, j) => {
      const key = searchWords(name).join(' ');
      const first = groupOf.get(key);
      if (key === '') problems.push(`${label} → groups.${i}.names.${j}: "${name}" has no letter or digit to search for`);
      else if (first !== undefined && first !== i)
        problems.push(`${label} → groups.${i}.names.${j}: "${name}" already stands in groups.${first}`);
      else groupOf.set(key, i);
    });
    for (const name of Object.keys(group.except))
      if (!group.names.includes(name)) problems.push(`${label} → groups.${i}.except.${name}: expected one of the group's names`);
  });
  return data.groups;
}

/** Entries classified by rules (treatment types, body regions): unique slugs, rules that compile. */
function checkRuleEntries(entries: readonly RuleEntry[], label: string, key: string, problems: Problems): void {
  const where = `${label} → ${key}`;
  const firstAt = new Map<string, number>();
  entries.forEach((entry, i) => {
    const seen = firstAt.get(entry.slug);
    if (seen !== undefined) problems.push(`${where}.${i}.slug: duplicate slug "${entry.slug}" (first used by ${key}.${seen})`);
    else firstAt.set(entry.slug, i);
    entry.match.forEach((rule, j) => checkRule(rule, `${where}.${i}.match.${j}`, problems));
    entry.exclude.forEach((rule, j) => checkRule(rule, `${where}.${i}.exclude.${j}`, problems));
  });
}

function readYaml(file: string, label: string, problems: Problems): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push(`${label}: file not found`);
    return undefined;
  }
  try {
    return parseYaml(text, 'a catalogue file');
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    problems.push(`${label}: ${error.syntax ? 'invalid YAML: ' : ''}${error.message}`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, label: string, problems: Problems): z.output<S> | undefined {
  if (data === undefined && problems.some((p) => p.startsWith(`${label}:`))) return undefined;
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const line of describeIssues(result.error.issues)) problems.push(`${label} → ${line}`);
  return undefined;
}

function checkRule(rule: string, where: string, problems: Problems): void {
  try {
    new RegExp(rule, RULE_FLAGS);
  } catch (error) {
    problems.push(`${where}: invalid regular expression /${rule}/ (${(error as Error).message})`);
  }
}

/** A cited section is matched by name or alias, so one spelling must not name two sections. */
function checkSectionNames(guideline: Guideline, label: string, problems: Problems): void {
  const owner = new Map<string, number>();
  guideline.sections.forEach((section, i) => {
    for (const name of [section.name, ...section.aliases]) {
      const key = name.toLowerCase();
      const first = owner.get(key);
      if (first !== undefined && first !== i) {
        problems.push(`${label} → sections.${i}: "${name}" already names sections.${first}`);
      } else owner.set(key, i);
    }
  });
}

/**
 * The parser leans on two conventions of the data, checked here so a bad edit fails loudly:
 * each family's lowest-priority entry is its catch-all ("ODG" with no chapter named), and the
 * lowest-priority entry of all, of family "other", is the fallback for names nothing matches.
 */
function checkFallbacks(guidelines: Guideline[], label: string, problems: Problems): void {
  if (guidelines.length === 0) return;
  const lowest = Math.min(...guidelines.map((g) => g.priority));
  const bottom = guidelines.filter((g) => g.priority === lowest);
  if (bottom.length !== 1 || bottom[0]!.family !== 'other') {
    const found = bottom.map((g) => `${g.slug} (${g.family})`).join(', ');
    problems.push(
      `${label}: expected exactly one guideline of family "other" with the lowest priority (${lowest}) as the fallback, found ${found}`,
    );
  }
  for (const family of new Set(guidelines.map((g) => g.family))) {
    const members = guidelines.filter((g) => g.family === family);
    const min = Math.min(...members.map((g) => g.priority));
    const tied = members.filter((g) => g.priority === min);
    if (tied.length > 1) {
      problems.push(
        `${label}: family "${family}" needs one catch-all with its lowest priority (${min}), found ${tied.map((g) => g.slug).join(', ')}`,
      );
    }
  }
}
