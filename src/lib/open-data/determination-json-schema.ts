// data/schema.json: the JSON Schema of one line of determinations.jsonl, generated from the zod
// schema (zod 4 toJSONSchema) with each field's description from FIELD_DOCS.
import { z } from 'zod';
import { FIELD_DOCS } from './field-docs.ts';
import { DeterminationSchema } from '../schema/index.ts';

type JsonSchema = {
  [key: string]: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  required?: string[];
};

export interface SchemaField {
  /** "items[].citations.reviewer[].pages" */
  path: string;
  /** "string", "integer[]", "object", "string | null", "date" … */
  type: string;
  required: boolean;
  description: string | undefined;
}

/** The object schema inside a field's schema: itself, its array's items, or the non-null branch. */
function inner(schema: JsonSchema, path: string): { schema: JsonSchema; path: string } {
  if (schema.items) return inner(schema.items, `${path}[]`);
  const branch = schema.anyOf?.find((s) => s.type !== 'null');
  return branch ? inner(branch, path) : { schema, path };
}

function typeName(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeName).join(' | ');
  if (schema.items) return `${typeName(schema.items)}[]`;
  if (schema.enum) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (schema.format === 'date') return 'date';
  return String(schema.type);
}

/** Every field of an object schema, depth first, with its path. */
export function schemaFields(schema: JsonSchema, prefix = ''): SchemaField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const own = {
      path,
      type: typeName(field),
      required: schema.required?.includes(name) ?? false,
      description: field.description as string | undefined,
    };
    const nested = inner(field, path);
    return [own, ...schemaFields(nested.schema, nested.path)];
  });
}

/** Sets each field's description from FIELD_DOCS (in place). */
function describe(schema: JsonSchema, prefix = ''): void {
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const doc = FIELD_DOCS[path];
    if (doc) field.description = doc;
    const nested = inner(field, path);
    describe(nested.schema, nested.path);
  }
}

/** The JSON Schema (draft 2020-12) that every line of determinations.jsonl validates against. */
export function determinationJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(DeterminationSchema) as JsonSchema;
  describe(schema);
  return {
    $schema: schema.$schema,
    title: 'IMR final determination',
    description: 'One California workers’ compensation Independent Medical Review final determination: one line of determinations.jsonl.',
    ...schema,
  };
}
