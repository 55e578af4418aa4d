// Atom feeds (src/lib/feeds/): well-formed whatever the letters hold, read back by a real XML
// parser, newest determinations first.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { atomXml, type AtomFeed } from '../../src/lib/feeds/atom.ts';
import { determinationEntry } from '../../src/lib/feeds/determination-entry.ts';
import { newestDeterminations } from '../../src/lib/feeds/newest-determinations.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { fixtureDeterminations } from '../support/fixture-corpus.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'entry' || name === 'link' });

const feed = (entries: AtomFeed['entries']): AtomFeed => ({
  self: 'https://imr.example.org/feed.xml',
  page: 'https://imr.example.org/',
  title: 'Newest & best <determinations>',
  subtitle: 'IMR',
  author: 'IMR Determinations',
  updated: '2017-02-03T00:00:00Z',
  entries,
});

describe('atomXml', () => {
  test('writes a well-formed feed of hostile text, which parses back to the same words less what XML cannot hold', () => {
    const hostile = 'Physical therapy <script>alert("x")</script> & ]]> x 12 \u0000\u0008\u000C\uFFFE\uD800 “ok” ½';
    const xml = atomXml(
      feed([
        {
          url: 'https://imr.example.org/determinations/CM16-0100001/?a=1&b=2',
          title: hostile,
          updated: '2016-06-01T00:00:00Z',
          summary: `${hostile}\nline two`,
        },
      ]),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml).feed;
    expect(parsed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.title).toBe('Newest & best <determinations>');
    expect(parsed.link.map((l: { rel: string }) => l.rel)).toEqual(['self', 'alternate']);
    const [entry] = parsed.entry;
    expect(entry.title).toBe('Physical therapy <script>alert("x")</script> & ]]> x 12  “ok” ½');
    expect(entry.summary).toBe('Physical therapy <script>alert("x")</script> & ]]> x 12  “ok” ½\nline two');
    // What XML 1.0 cannot hold is gone (a parser may not say so).

    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uD800]/);
    expect(entry.link[0].href).toBe('https://imr.example.org/determinations/CM16-0100001/?a=1&b=2');
  });

  test('is the same text for the same entries, with no build date in it', () => {
    expect(atomXml(feed([]))).toBe(atomXml(feed([])));
    expect(atomXml(feed([]))).toContain('<updated>2017-02-03T00:00:00Z</updated>');
  });
});

describe('newestDeterminations and determinationEntry', () => {
  const determinations = sortByDecided(fixtureDeterminations());
  const items = flattenItems(determinations);

  test('take the newest dated determinations first, each with its items of the list, up to the limit', () => {
    expect(newestDeterminations(items, 3).map((p) => p.id)).toEqual(['CM17-0012345', 'CM16-0213037', 'CM16-0100001']);
    const mri = newestDeterminations(items.filter((r) => r.item.treatmentType === 'mri'));
    expect(mri).toEqual([{ id: 'CM16-0213037', numbers: [1, 2] }]);
  });

  test('name an entry by case number and first item, and list its items with type and outcome', () => {
    const d = determinations.find((x) => x.id === 'CM16-0213037')!;
    const entry = determinationEntry(
      d,
      { id: d.id, numbers: [1, 2] },
      { pageUrl: (id) => `https://x.org/determinations/${id}/`, treatmentLabel: () => 'MRI' },
    );
    expect(entry).toEqual({
      url: 'https://x.org/determinations/CM16-0213037/',
      title: 'CM16-0213037: MRI of the right shoulder without contrast (and 1 more item)',
      updated: '2016-12-09T00:00:00Z',
      summary:
        'Item 1, MRI: MRI of the right shoulder without contrast — upheld. Item 2, MRI: MRI of the cervical spine without contrast — upheld.',
    });
  });
});
