/**
 * Astro reads Markdown frontmatter with a YAML 1.1 parser that turns an unquoted `2016-12-09`
 * into a Date, while the schema (like the `yaml` package the importer uses) expects the ISO
 * string. This turns every Date in parsed frontmatter back into its text: `YYYY-MM-DD` for a
 * plain date (parsed as UTC midnight), the full ISO timestamp otherwise (which the schema then
 * refuses with its own message). Other values are returned as they are.
 */
export function undoYamlDates(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(undoYamlDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, undoYamlDates(v)]));
  }
  return value;
}
