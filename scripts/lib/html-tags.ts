// Reading start tags out of the HTML Astro writes, for checks that must not mistake text for
// markup: text is escaped (a "<" that opens a tag is markup), attribute values are quoted and
// may hold ">" or anything that looks like an attribute.

// A start tag with its attributes; a quoted value may hold ">".
const TAG = /<[a-zA-Z][^\s>/]*(?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
// One attribute of a start tag: its name, then its value if any.
const ATTRIBUTE = /\s+([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

/** Values of the attributes `pattern` captures, looking inside start tags only. */
export function tagAttributes(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(TAG)].flatMap((tag) => [...tag[0].matchAll(pattern)].map((m) => m[1] ?? ''));
}

/** Whether some start tag has an attribute of this name (not text or a value that reads like one). */
export function hasAttribute(html: string, name: string): boolean {
  for (const tag of html.matchAll(TAG)) {
    const attributes = tag[0].slice(tag[0].search(/[\s/>]/));
    for (const a of attributes.matchAll(ATTRIBUTE)) if (a[1]!.toLowerCase() === name) return true;
  }
  return false;
}
