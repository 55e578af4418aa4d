/** A count given on the command line: undefined when not given, else a whole number of at least 1. */
export function positiveWhole(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return Number(value);
}
