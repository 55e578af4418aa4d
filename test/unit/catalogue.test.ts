// Loads the real content folder, then broken copies of it written to a temp dir, and pins the
// wording of each error so a person editing YAML gets a message they can act on.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { parseYaml, stringifyYaml } from '../../src/lib/files/yaml.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits reach into any part of the YAML
const readYaml = (file: string): any => parseYaml(readFileSync(file, 'utf8'), 'a catalogue file');

describe('loadCatalogue on the real content folder', () => {
  const { guidelines, taxonomy } = loadCatalogue(content);
  const slugs = guidelines.map((g) => g.slug);

  test('loads every guideline the letters cite, by file', () => {
    for (const slug of [
      'mtus-low-back-2004',
      'mtus-neck-upper-back-2004',
      'mtus-shoulder-2004',
      'mtus-knee-2004',
      'mtus-elbow-2007',
      'mtus-forearm-wrist-hand-2004',
      'mtus-general-approaches-2004',
      'mtus-ankle-foot-2004',
      'mtus-stress-related-2004',
      'mtus-acupuncture-2007',
      'mtus-chronic-pain-2009',
      'mtus-chronic-pain-2016',
      'mtus-postsurgical-2009',
      'mtus-opioid-2016',
      'odg',
      'odg-low-back',
      'odg-neck-upper-back',
      'odg-pain',
      'odg-shoulder',
      'odg-knee-leg',
      'odg-hip-pelvis',
      'odg-head',
      'odg-forearm-wrist-hand',
      'odg-elbow',
      'odg-fitness-for-duty',
      'odg-ankle-foot',
      'odg-mental-stress',
      'acoem',
      'other',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  test('orders guidelines by priority and ends with the "other" fallback', () => {
    const priorities = guidelines.map((g) => g.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(guidelines.at(-1)).toMatchObject({ slug: 'other', family: 'other' });
  });

  test('maps the 2009 Chronic Pain pages the letters cite to topics', () => {
    const chronic = guidelines.find((g) => g.slug === 'mtus-chronic-pain-2009')!;
    const topicOf = (page: number) => chronic.sections.filter((s) => s.pages.includes(page)).map((s) => s.name);
    expect(topicOf(121)).toEqual(['Neuromuscular electrical stimulation (NMES devices)']);
    expect(topicOf(116)).toEqual(['TENS, chronic pain (transcutaneous electrical nerve stimulation)']);
    expect(topicOf(122)).toEqual(['Trigger point injections']);
    expect(topicOf(46)).toEqual(['Epidural steroid injections (ESIs)']);
    expect(topicOf(69)).toEqual([
      'NSAIDs (non-steroidal anti-inflammatory drugs)',
      'NSAIDs, GI symptoms & cardiovascular risk',
      'NSAIDs, hypertension and renal function',
    ]);
  });

  test('loads a taxonomy of 30 to 60 types whose fallback is the last one', () => {
    expect(taxonomy.types.length).toBeGreaterThanOrEqual(30);
    expect(taxonomy.types.length).toBeLessThanOrEqual(60);
    expect(taxonomy.fallback).toBe('other');
    expect(taxonomy.types.at(-1)?.slug).toBe('other');
  });
});

describe('loadCatalogue on a broken copy', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  /** Copies content/ to <tmp>/content, lets `edit` break it, and returns the loader's error message. */
  function errorFrom(edit: (dir: string) => void): string {
    const base = mkdtempSync(join(tmpdir(), 'catalogue-'));
    dirs.push(base);
    const dir = join(base, 'content');
    cpSync(join(content, 'guidelines'), join(dir, 'guidelines'), { recursive: true });
    cpSync(join(content, 'treatments.yml'), join(dir, 'treatments.yml'));
    cpSync(join(content, 'body-regions.yml'), join(dir, 'body-regions.yml'));
    cpSync(join(content, 'synonyms.yml'), join(dir, 'synonyms.yml'));
    edit(dir);
    try {
      loadCatalogue(dir);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected loadCatalogue to throw');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits reach into any part of the YAML
  function editYaml(file: string, change: (data: any) => void): void {
    const data = readYaml(file);
    change(data);
    writeFileSync(file, stringifyYaml(data));
  }

  test('names the file, the field path, what was expected and what it got', () => {
    const message = errorFrom((dir) => editYaml(join(dir, 'treatments.yml'), (t) => (t.types[3].slug = 'Bad Slug')));
    expect(message).toBe(
      'Invalid catalogue (1 problem):\n' +
        'content/treatments.yml → types.3.slug: expected a lower-case slug like "mtus-low-back-2004", got "Bad Slug"',
    );
  });

  test('checks the body regions and the synonyms: slugs once, rules that compile, each name in one group, exceptions of its own names', () => {
    const message = errorFrom((dir) => {
      editYaml(join(dir, 'body-regions.yml'), (r) => {
        r.regions[1].slug = r.regions[0].slug;
        r.regions[2].match = ['(unclosed'];
      });
      editYaml(join(dir, 'synonyms.yml'), (s) => {
        s.groups[0].names.push('cyclobenzaprine');
        s.groups[1].except = { Ultram: ['ER'] };
        s.groups[2].names.push('--');
      });
    });
    expect(message.split('\n').slice(1)).toEqual([
      'content/body-regions.yml → regions.1.slug: duplicate slug "cervical-spine" (first used by regions.0)',
      expect.stringMatching(/^content\/body-regions\.yml → regions\.2\.match\.0: invalid regular expression \/\(unclosed\/ /),
      "content/synonyms.yml → groups.1.except.Ultram: expected one of the group's names",
      'content/synonyms.yml → groups.2.names.3: "--" has no letter or digit to search for',
      'content/synonyms.yml → groups.3.names.1: "cyclobenzaprine" already stands in groups.0',
    ]);
  });

  test('reports every problem of every file in one error', () => {
    const message = errorFrom((dir) => {
      editYaml(join(dir, 'treatments.yml'), (t) => {
        t.types[2].colour = 'red';
        delete t.types[4].label;
      });
      editYaml(join(dir, 'guidelines', 'odg-pain.yml'), (g) => (g.family = 'ODG'));
      writeFileSync(join(dir, 'guidelines', 'broken.yml'), 'slug: [unclosed\n');
    });
    expect(message).toBe(
      [
        'Invalid catalogue (4 problems):',
        'content/guidelines/broken.yml: invalid YAML: unexpected end of the stream within a flow collection (a "[" or "{" left without its "]" or "}"?) at line 1, column 16: "slug: [unclosed"',
        'content/guidelines/odg-pain.yml → family: expected "mtus" | "odg" | "acoem" | "other", got "ODG"',
        'content/treatments.yml → types.2: unknown field "colour"',
        'content/treatments.yml → types.4.label: missing (expected string)',
      ].join('\n'),
    );
  });

  test('rejects a guideline whose slug is not its file name', () => {
    const message = errorFrom((dir) => editYaml(join(dir, 'guidelines', 'odg-pain.yml'), (g) => (g.slug = 'odg-chronic-pain')));
    expect(message).toBe(
      'Invalid catalogue (1 problem):\n' +
        'content/guidelines/odg-pain.yml → slug: expected "odg-pain" (the file name), got "odg-chronic-pain"',
    );
  });

  test('rejects match rules that do not compile, duplicate slugs and a missing fallback', () => {
    let mri = -1;
    const message = errorFrom((dir) => {
      editYaml(join(dir, 'treatments.yml'), (t) => {
        t.fallback = 'misc';
        t.types[5].match[0] = '(unclosed';
        t.types[0].slug = 'mri';
        mri = t.types.findIndex((type: { slug: string }, i: number) => i > 0 && type.slug === 'mri');
      });
      editYaml(join(dir, 'guidelines', 'acoem.yml'), (g) => (g.match = ['ACOEM[']));
    });
    expect(message).toBe(
      [
        'Invalid catalogue (4 problems):',
        'content/guidelines/acoem.yml → match.0: invalid regular expression /ACOEM[/ (Invalid regular expression: /ACOEM[/i: Unterminated character class)',
        'content/treatments.yml → types.5.match.0: invalid regular expression /(unclosed/ (Invalid regular expression: /(unclosed/i: Unterminated group)',
        `content/treatments.yml → types.${mri}.slug: duplicate slug "mri" (first used by types.0)`,
        'content/treatments.yml → fallback: expected the slug of one of the types, got "misc"',
      ].join('\n'),
    );
  });

  test('requires a certainty with every page range, and the letters behind a "cited" one', () => {
    const message = errorFrom((dir) => {
      editYaml(join(dir, 'guidelines', 'mtus-knee-2004.yml'), (g) => {
        const studies = g.sections.find((s: { name: string }) => s.name === 'Special Studies');
        delete studies.certainty;
      });
      editYaml(join(dir, 'guidelines', 'mtus-shoulder-2004.yml'), (g) => {
        const summary = g.sections.find((s: { name: string }) => s.name === 'Summary');
        summary.citedIn = [];
      });
    });
    const knee = readYaml(join(content, 'guidelines', 'mtus-knee-2004.yml')).sections.findIndex(
      (s: { name: string }) => s.name === 'Special Studies',
    );
    const shoulder = readYaml(join(content, 'guidelines', 'mtus-shoulder-2004.yml')).sections.findIndex(
      (s: { name: string }) => s.name === 'Summary',
    );
    expect(message).toBe(
      [
        'Invalid catalogue (2 problems):',
        `content/guidelines/mtus-knee-2004.yml → sections.${knee}.certainty: a page range needs a certainty: "cited" or "unverified"`,
        `content/guidelines/mtus-shoulder-2004.yml → sections.${shoulder}.citedIn: a "cited" page range names the letters that cite it, got []`,
      ].join('\n'),
    );
  });

  test('requires the "other" fallback guideline to have the lowest priority', () => {
    const message = errorFrom((dir) => unlinkSync(join(dir, 'guidelines', 'other.yml')));
    expect(message).toBe(
      'Invalid catalogue (1 problem):\n' +
        'content/guidelines: expected exactly one guideline of family "other" with the lowest priority (-10) as the fallback, found mtus (mtus), odg (odg)',
    );
  });

  test('keeps the slugs the treatment types’ body-region lists use: "none" for a region, "regions" for a guideline', () => {
    const message = errorFrom((dir) => {
      editYaml(join(dir, 'body-regions.yml'), (r) => (r.regions[2].slug = 'none'));
      editYaml(join(dir, 'guidelines', 'acoem.yml'), (g) => (g.slug = 'regions'));
      writeFileSync(join(dir, 'guidelines', 'regions.yml'), readFileSync(join(dir, 'guidelines', 'acoem.yml')));
      unlinkSync(join(dir, 'guidelines', 'acoem.yml'));
    });
    expect(message).toBe(
      [
        'Invalid catalogue (2 problems):',
        'content/guidelines/regions.yml → slug: "regions" is kept for the treatment types\' body-region lists',
        'content/body-regions.yml → regions.2.slug: "none" is kept for items that name no region',
      ].join('\n'),
    );
  });
});
