// data/schema.json: generated from the zod schema, every field described, and a real validator
// (Ajv) accepts the corpus's determinations and refuses what the zod schema refuses.
import { describe, expect, test } from 'vitest';
import { determinationJsonSchema, schemaFields } from '../../src/lib/open-data/determination-json-schema.ts';
import { FIELD_DOCS } from '../../src/lib/open-data/field-docs.ts';
import { ITEM_COLUMNS, ITEM_HEADER, itemRow } from '../../src/lib/open-data/item-columns.ts';
import { fixtureDeterminations } from '../support/fixture-corpus.ts';
import { compileSchema } from '../support/json-schema-validator.ts';

const schema = determinationJsonSchema();
const determinations = fixtureDeterminations();
const validate = compileSchema(schema);
/** A determination as a line of determinations.jsonl carries it. */
const asLine = (d: unknown) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>;

describe('the determination JSON Schema', () => {
  test('describes every field of the zod schema and no field it lacks', () => {
    const fields = schemaFields(schema);
    expect(fields.filter((f) => !f.description).map((f) => f.path)).toEqual([]);
    expect(Object.keys(FIELD_DOCS).sort()).toEqual(fields.map((f) => f.path).sort());
    expect(fields.find((f) => f.path === 'items[].citations.reviewer[].pages')).toEqual({
      path: 'items[].citations.reviewer[].pages',
      type: 'integer[]',
      required: false,
      description: FIELD_DOCS['items[].citations.reviewer[].pages'],
    });
    expect(fields.find((f) => f.path === 'items[].bodyRegions')).toEqual({
      path: 'items[].bodyRegions',
      type: 'string[]',
      required: true,
      description: FIELD_DOCS['items[].bodyRegions'],
    });
  });

  test('is draft 2020-12 and holds a line to the schema’s closed objects, enums and date format', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const d of fixtureDeterminations()) expect(validate(asLine(d)), d.id).toEqual({ valid: true, errors: [] });
    const [d] = fixtureDeterminations();
    const bad = asLine(d);
    bad.extra = 1;
    (bad.dates as Record<string, unknown>).decided = '2016-02-30';
    (bad.items as Record<string, unknown>[])[0]!.outcome = 'Uphold';
    (bad.items as Record<string, unknown>[])[0]!.bodyRegions = ['Low Back'];
    const result = validate(bad);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        '/ must NOT have additional properties',
        '/dates/decided must match format "date"',
        '/items/0/outcome must be equal to one of the allowed values',
        '/items/0/bodyRegions/0 must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"',
      ]),
    );
  });
});

describe('the items CSV columns', () => {
  test('each has a snake_case name of its own and a description', () => {
    expect(new Set(ITEM_HEADER).size).toBe(ITEM_HEADER.length);
    for (const c of ITEM_COLUMNS) {
      expect(c.name).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(c.doc.length).toBeGreaterThan(10);
    }
  });

  test('body_regions holds the request’s region slugs joined by "; " as the other lists, empty when it names none', () => {
    const ctx = { treatmentLabel: (s: string) => s, guidelineLabel: (s: string) => s, pageUrl: () => '' };
    const cell = (d: (typeof determinations)[number], n: number) => itemRow(d, n, ctx)[ITEM_HEADER.indexOf('body_regions')];
    const [letter] = determinations.filter((d) => d.id === 'CM17-0012345');
    expect([cell(letter!, 1), cell(letter!, 2)]).toEqual(['', 'lumbar-spine']);
    const several = structuredClone(letter!);
    several.items[0]!.bodyRegions = ['cervical-spine', 'lumbar-spine'];
    expect(cell(several, 1)).toBe('cervical-spine; lumbar-spine');
  });
});
