// A real JSON Schema validator for the published schema: Ajv for draft 2020-12, with formats
// (format "date" is checked, not only noted).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function compileSchema(schema: object): (data: unknown) => { valid: boolean; errors: string[] } {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (data) => {
    const valid = validate(data);
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) };
  };
}
