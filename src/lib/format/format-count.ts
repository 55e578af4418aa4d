/** "1 item", "1,204 items": a count with its noun, in the site's number format. */
export const formatCount = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
