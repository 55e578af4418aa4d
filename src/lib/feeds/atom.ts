// Atom 1.0 (RFC 4287) as text. Every value is escaped, and characters XML 1.0 cannot hold (most
// control characters, which PDF text can carry) are dropped, so any letter's words make a
// well-formed feed.

export interface AtomEntry {
  /** Absolute URL of the entry's page: its id and its link. */
  url: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** Plain text. */
  summary: string;
}

export interface AtomFeed {
  /** Absolute URL of the feed itself: its id and rel="self" link. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  page: string;
  title: string;
  subtitle: string;
  author: string;
  /** RFC 3339 date-time: the newest entry's, so an unchanged feed is byte for byte the same. */
  updated: string;
  entries: readonly AtomEntry[];
}

// Tab, line feed and carriage return are the only control characters XML 1.0 allows; lone
// surrogates and U+FFFE/U+FFFF are not characters at all.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML element content or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function atomXml(feed: AtomFeed): string {
  const x = xmlText;
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.url)}</id>
    <title>${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>
    <updated>${x(e.updated)}</updated>
    <summary>${x(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(feed.self)}</id>
  <title>${x(feed.title)}</title>
  <subtitle>${x(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.page)}"/>
  <updated>${x(feed.updated)}</updated>
  <author><name>${x(feed.author)}</name></author>
${entries.join('')}</feed>
`;
}
