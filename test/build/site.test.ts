// The fixture corpus built into a site (test/support/global-setup.ts): the pages exist and say
// the right things, links carry anchors and the base path, content can't inject markup, and the
// search markup follows the contract (body on determination pages only, metadata as attributes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { attributeValues, hasPage, readPage, visibleText } from '../support/site-files.ts';
import { BULK_COUNT } from '../support/bulk-corpus.ts';

const { root, sub } = inject('sites');
const FIXTURE_IDS = ['CM14-0123456', 'CM15-0045678', 'CM16-0100001', 'CM16-0213037', 'CM17-0012345'];

/** The HTML of item `n`'s section on a determination page. */
function itemSection(html: string, n: number): string {
  const start = html.indexOf(`<section class="item" aria-labelledby="item-${n}"`);
  if (start < 0) throw new Error(`no item ${n}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('home page', () => {
  const html = readPage(root, '/');
  const text = visibleText(html);

  test('says what the site is and counts determinations, items and outcomes', () => {
    expect(text).toContain('Independent Medical Review');
    expect(text).toMatch(/Determinations 5 Disputed items 7 Denial upheld 4 \(57%\) Denial overturned 3 \(43%\)/);
  });

  test('has a plain GET search form that leads to the search page', () => {
    expect(html).toMatch(/<form[^>]*role="search"[^>]*method="get"[^>]*action="\/search\/"/);
    expect(html).toMatch(/<label for="home-search">/);
    expect(html).toMatch(/<input id="home-search" name="q"/);
  });

  test('leads to the guidelines and treatment types, and lists the latest determination first', () => {
    expect(attributeValues(html, 'href')).toEqual(
      expect.arrayContaining(['/guidelines/', '/treatments/', '/guidelines/mtus-chronic-pain-2009/', '/treatments/tens-ems-unit/']),
    );
    const latest = html.slice(html.indexOf('id="latest-heading"'));
    expect(latest.indexOf('CM17-0012345')).toBeLessThan(latest.indexOf('CM14-0123456'));
  });

  test('ships no script', () => {
    expect(html).not.toContain('<script');
  });
});

describe('determination page', () => {
  test('exists for every determination of the corpus', () => {
    for (const id of FIXTURE_IDS) expect(hasPage(root, `/determinations/${id}/`), id).toBe(true);
  });

  const html = readPage(root, '/determinations/CM15-0045678/');
  const text = visibleText(html);

  test('shows the header facts: case number, dates, priority, patient, reviewer', () => {
    for (const fact of [
      'Case number CM15-0045678',
      'Decision date March 20, 2015',
      'Date assigned March 2, 2015',
      'Application received February 26, 2015',
      'UR denial date February 20, 2015',
      'Date of injury August 21, 2009',
      'Priority expedited',
      'Injured worker 61-year-old male',
      'Reviewer specialty Anesthesiology, Pain Medicine',
      'Reviewer licensed in California, Texas',
    ]) {
      expect(text).toContain(fact);
    }
  });

  test('shows each item with its outcome, linked treatment type, both citations linked to their section pages, and the rationale', () => {
    const item = itemSection(html, 1);
    expect(item).toContain('<h3 id="item-1">Item 1: Norco 10/325mg #60</h3>');
    expect(item).toMatch(/class="badge badge-overturned"[^>]*>.*Overturned<\/span>/);
    expect(item).toContain('<a href="/treatments/opioids/">Opioids</a>');
    expect(visibleText(item)).toContain('Original request Norco 10/325mg #60 Authorized by the claims administrator Norco 10/325mg #25');
    // Claims administrator: by pages 78-80, one section page per page.
    for (const p of [78, 79, 80]) expect(item).toContain(`href="/guidelines/mtus-chronic-pain-2009/page-${p}/"`);
    // Reviewer: an ODG section, resolved to the catalogue's name.
    expect(item).toContain('href="/guidelines/odg-pain/opioids-criteria-for-use/"');
    expect(visibleText(item)).toContain(
      'Decision based on Non-MTUS Official Disability Guidelines (ODG), Pain (Chronic), Opioids, criteria for use.',
    );
    expect(visibleText(item)).toContain('The request for Norco 10/325mg #60 is medically necessary.');
  });

  test('shows the rationale once, without repeating the outcome and guideline lines of the letter', () => {
    const item = visibleText(itemSection(html, 1));
    expect(item.match(/Claims Administrator guideline/g)).toHaveLength(1);
    expect(item).not.toContain('Overturned.');
  });

  test('gives a copyable citation line per item', () => {
    expect(text).toContain('Cite as IMR Final Determination CM15-0045678 (Mar. 20, 2015), item 1: Norco 10/325mg #60 — Overturned');
    expect(visibleText(readPage(root, '/determinations/CM16-0213037/'))).toContain(
      'IMR Final Determination CM16-0213037 (Dec. 9, 2016), item 1: MRI of the right shoulder without contrast — Upheld',
    );
  });

  test('shows the clinical case summary, the boilerplate folded away, and the source file with its checksum', () => {
    expect(text).toContain('Clinical case summary The expert reviewer developed the following clinical case summary');
    expect(html).toMatch(/<details class="how-made" data-pagefind-ignore><summary>How the IMR final determination was made<\/summary>/);
    expect(text).toContain('File CM15-0045678.pdf');
    expect(text).toContain('SHA-256 7d0d2a0c0f7b8f5b25f1d1b8b0f5d7e3c2a1908172635445362718190a0b0c0d');
  });

  test('puts the items before the clinical case summary', () => {
    expect(html.indexOf('id="item-1"')).toBeLessThan(html.indexOf('id="clinical-case-summary"'));
  });

  test('reads a date written unquoted in the frontmatter (a Date to YAML) as the same calendar day', () => {
    expect(visibleText(readPage(root, '/determinations/CM16-0213037/'))).toContain('Decision date December 9, 2016');
  });
});

describe('content cannot put markup or script into a page', () => {
  const html = readPage(root, '/determinations/CM16-0100001/');

  test('raw HTML in the Markdown body shows as text', () => {
    expect(html).toContain("&lt;script&gt;alert('body')&lt;/script&gt;");
    expect(html).toContain('&lt;div onclick=');
    expect(html).toContain('&lt;iframe src=');
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<(script|iframe|img)\b/);
    expect(markup).not.toMatch(/<div onclick/);
  });

  test('a javascript: link in the body loses its address', () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toMatch(/<a>link<\/a>/);
  });

  test('a bare web address, a www address and an e-mail address in the body stay text, quotes and hyphens as written', () => {
    expect(html).not.toMatch(/href="(https?:\/\/(www\.)?evil\.example|mailto:)/);
    expect(visibleText(html)).toContain(
      `The patient's "pain level" -- 7/10 --- is on file at https://evil.example/x and www.evil.example; ask claims@evil.example.`,
    );
  });

  test('markup in frontmatter strings is escaped wherever it is shown', () => {
    expect(html).toContain('Item 1: Physical therapy &lt;script&gt;alert(&#39;request&#39;)&lt;/script&gt; x 12 sessions');
    expect(html).toContain('&lt;script&gt;alert(&#39;diagnosis&#39;)&lt;/script&gt;');
    expect(html).toContain('Decision based on MTUS Chronic Pain &lt;img src=x onerror=alert(&#39;text&#39;)&gt;.');
  });

  test('no page of the site has a script element or an event-handler attribute outside the search page', () => {
    const files = readdirSync(root.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const file of files) {
      // Attribute values may hold any text (quoted, so inert): look at the markup around them.
      const page = readPage(root, `/${file}`).replace(/="[^"]*"/g, '=""');
      expect(page, file).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      if (file !== 'search/index.html') expect(page, file).not.toContain('<script');
    }
  });
});

describe('guideline pages', () => {
  test('the catalogue lists every guideline with item and outcome counts, and cited guidelines missing from it', () => {
    const text = visibleText(readPage(root, '/guidelines/'));
    expect(text).toContain(
      'MTUS Chronic Pain Medical Treatment Guidelines (2009) The MTUS Chronic Pain Medical Treatment Guidelines, 8 CCR §9792.24.2, effective July 18, 2009.',
    );
    expect(text).toMatch(/so each cited page is listed with the topics printed on it\. 4 1 3 9/);
    expect(text).toContain('Outside MTUS / other evidence 0 0 0 0');
    expect(text).toContain('Cited but not in the catalogue');
    expect(text).toContain('mtus-low-back-2004 1 1 0 1');
  });

  test('a guideline cited by page lists its cited pages with their catalogue topics and counts', () => {
    const html = readPage(root, '/guidelines/mtus-chronic-pain-2009/');
    const text = visibleText(html);
    expect(text).toContain('4 items · 1 upheld (25%) · 3 overturned (75%)');
    expect(text).toContain('Page 121 — NMES (neuromuscular electrical stimulation devices) 1 1 0');
    expect(text).toContain('Page 78 — Opioids, criteria for use unverified 1 0 1');
    expect(html).toContain('href="/guidelines/mtus-chronic-pain-2009/page-121/"');
    // Named sections come before pages.
    expect(text.indexOf('TENS, chronic pain')).toBeLessThan(text.indexOf('Page 78'));
  });

  test('pages the catalogue has not checked carry an "unverified" mark, explained once; pages a letter cites carry none', () => {
    const note =
      'unverified Pages as recalled from the printed guideline: not yet checked against it, nor confirmed by a letter that cites them for this topic.';
    const guideline = readPage(root, '/guidelines/mtus-chronic-pain-2009/');
    expect(visibleText(guideline)).toContain('Page 121 — NMES (neuromuscular electrical stimulation devices) 1 1 0');
    expect(visibleText(guideline)).toMatch(
      /TENS, chronic pain \(transcutaneous electrical nerve stimulation\) \(pp\. 114–116\) unverified 1 0 1/,
    );
    expect(visibleText(guideline).split(note)).toHaveLength(2);
    const unchecked = visibleText(readPage(root, '/guidelines/mtus-chronic-pain-2009/page-115/'));
    expect(unchecked).toContain(
      'Items whose letters cite page 115 of this guideline, the page on TENS, chronic pain (transcutaneous electrical nerve stimulation). unverified',
    );
    expect(unchecked).toContain(note);
    expect(readPage(root, '/guidelines/mtus-chronic-pain-2009/page-121/')).not.toContain('unverified');
    // On a letter's page, beside the topic of a cited page.
    const letter = visibleText(readPage(root, '/determinations/CM15-0045678/'));
    expect(letter).toContain('MTUS Chronic Pain 2009 › Page 78 , Page 79 , Page 80 (Opioids, criteria for use) unverified');
  });

  test('a section page lists every item citing it, with outcome counts and links to the item anchors', () => {
    const html = readPage(root, '/guidelines/mtus-chronic-pain-2009/page-121/');
    const text = visibleText(html);
    expect(text).toContain('Page 121: NMES (neuromuscular electrical stimulation devices)');
    expect(text).toContain('1 item · 1 upheld (100%) · 0 overturned (0%)');
    expect(html).toContain('href="/determinations/CM14-0123456/#item-1"');
    expect(text).toContain('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');
    expect(text).toContain('Claims Administrator, IMR reviewer');
  });

  test('a section cited by an alias lands on the page of the catalogue name', () => {
    const html = readPage(root, '/guidelines/mtus-chronic-pain-2009/tens-chronic-pain-transcutaneous-electrical-nerve-stimulation/');
    expect(html).toContain('href="/determinations/CM17-0012345/#item-1"');
    expect(hasPage(root, '/guidelines/mtus-chronic-pain-2009/tens-chronic-pain/')).toBe(false);
    expect(visibleText(html)).toContain('Item 1: TENS unit rental for 30 days TENS / EMS units IMR reviewer ✓ Overturned');
  });

  test('a named section and the cited pages it covers link to each other', () => {
    const named = readPage(root, '/guidelines/mtus-chronic-pain-2009/tens-chronic-pain-transcutaneous-electrical-nerve-stimulation/');
    expect(visibleText(named)).toContain('(pp. 114–116 of the printed text)');
    expect(visibleText(named)).toContain('Also cited by page: Page 114 (1 item), Page 115 (1 item), Page 116 (1 item)');
    expect(named).toContain('href="/guidelines/mtus-chronic-pain-2009/page-115/"');
    const page = readPage(root, '/guidelines/mtus-chronic-pain-2009/page-115/');
    expect(visibleText(page)).toContain('Also cited by name: TENS, chronic pain (transcutaneous electrical nerve stimulation) (1 item)');
    expect(page).toContain('href="/guidelines/mtus-chronic-pain-2009/tens-chronic-pain-transcutaneous-electrical-nerve-stimulation/"');
  });
});

describe('treatment pages', () => {
  test('the taxonomy is grouped, in file order, with outcome counts per type', () => {
    const text = visibleText(readPage(root, '/treatments/'));
    expect(text).toMatch(/Durable medical equipment .*TENS \/ EMS units 2 1 1/);
    expect(text).toMatch(/Imaging .*MRI 2 2 0/);
    expect(text.indexOf('Durable medical equipment')).toBeLessThan(text.indexOf('Imaging'));
    expect(text).toContain('Not in the taxonomy');
  });

  test('a type page lists its items with outcome counts and the guideline sections most cited for it', () => {
    const html = readPage(root, '/treatments/tens-ems-unit/');
    const text = visibleText(html);
    expect(text).toContain('2 items · 1 upheld (50%) · 1 overturned (50%)');
    expect(html).toContain('href="/determinations/CM14-0123456/#item-1"');
    expect(html).toContain('href="/determinations/CM17-0012345/#item-1"');
    const top = html.slice(html.indexOf('id="top-sections"'), html.indexOf('id="items-heading"'));
    expect(top).toContain('href="/guidelines/mtus-chronic-pain-2009/page-121/"');
    expect(visibleText(top)).toContain('MTUS Chronic Pain 2009 › Page 121 (NMES (neuromuscular electrical stimulation devices)) — 1 item');
  });
});

describe('search page and 404', () => {
  test('the search page renders every filter value of the corpus with a label, and loads its one script', () => {
    const html = readPage(root, '/search/');
    for (const key of ['outcome', 'treatment', 'family', 'guideline', 'cited', 'year', 'specialty', 'priority'])
      expect(html).toContain(`data-filter="${key}"`);
    expect(html).toMatch(/value="odg" data-filter="family"\/?>\s*<span class="check-label">Any ODG chapter<\/span>/);
    expect(html).toMatch(/value="tens-ems-unit" data-filter="treatment"\/?>\s*<span class="check-label">TENS \/ EMS units<\/span>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    // The newest shard's facet table and the list of values are fetched while the script starts;
    // Pagefind's runtime and WASM are not: a search the word lists answer never loads them.
    expect(html).not.toContain('/pagefind/pagefind.js"');
    expect(html).not.toContain('/pagefind/wasm.en.pagefind"');
    expect(html).toContain('<link rel="preload" href="/pagefind/facets.bin.gz" as="fetch" crossorigin="anonymous">');
    expect(html).toContain('<link rel="preload" href="/pagefind/facet-values.json.gz" as="fetch" crossorigin="anonymous">');
  });

  test('the search page lists the catalogue entries no letter has with their labels, for the chips, without a checkbox', () => {
    const html = readPage(root, '/search/');
    const listed = /<template id="filter-labels">(.*?)<\/template>/s.exec(html)?.[1] ?? '';
    expect(
      [...listed.matchAll(/<data data-filter="(\w+)" value="([^"]*)">([^<]*)<\/data>/g)].map((m) => `${m[1]}:${m[2]}=${m[3]}`),
    ).toEqual(['treatment:other=Other', 'region:knee=Knee', 'guideline:mtus=MTUS', 'guideline:other=Other evidence']);
    expect(html).not.toMatch(/<input[^>]*value="other"/);
  });

  test('a 404 page exists and links home with the base', () => {
    expect(readPage(root, '/404.html')).toContain('Page not found');
    expect(readPage(sub, '/404.html')).toContain('href="/imr/"');
  });
});

describe('search index markup', () => {
  test('data-pagefind-body appears once on each determination page and on no other page', () => {
    const files = readdirSync(root.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const withBody = files.filter((f) => readPage(root, `/${f}`).includes('data-pagefind-body')).sort();
    expect(withBody).toEqual(FIXTURE_IDS.map((id) => join('determinations', id, 'index.html')).sort());
    for (const f of withBody) expect(readPage(root, `/${f}`).match(/data-pagefind-body/g)).toHaveLength(1);
  });

  test('the filter values of the letter and of each item are data beside the page, never in it; metadata and the sort date are attributes', () => {
    const html = readPage(root, '/determinations/CM17-0012345/');
    // The build hands the search index every letter's data as a line of its decision year's file in search/letters/.
    expect(readdirSync(join(root.dir, 'search/letters')).sort()).toEqual(['2014.jsonl', '2015.jsonl', '2016.jsonl', '2017.jsonl']);
    const lines = readdirSync(join(root.dir, 'search/letters')).flatMap((f) =>
      readFileSync(join(root.dir, 'search/letters', f), 'utf8')
        .trimEnd()
        .split('\n'),
    );
    expect(lines).toHaveLength(5);
    const data = lines
      .map((l) => JSON.parse(l) as { page: string; facts: Record<string, unknown>; result: Record<string, unknown> })
      .find((d) => d.page === 'determinations/CM17-0012345/index.html')!;
    expect(html).not.toMatch(/imr-search|imr-result-csv/);
    expect(data.result).toMatchObject({ date: '2017-02-03', specialty: 'Physical Medicine & Rehabilitation' });
    expect(data.facts).toEqual({
      year: '2017',
      specialty: ['Physical Medicine & Rehabilitation'],
      items: [
        {
          outcome: 'overturned',
          treatment: 'tens-ems-unit',
          regions: [],
          // "Item 1:" is words 0 and 1 of the record; "TENS unit rental for 30 days", words 2 to 7.
          request: [2, 8],
          // The fixture's synonyms name TENS.
          names: ['tens'],
          claims: {
            guideline: ['mtus-chronic-pain-2009'],
            section: ['mtus-chronic-pain-2009/page-114', 'mtus-chronic-pain-2009/page-115', 'mtus-chronic-pain-2009/page-116'],
          },
          reviewer: {
            guideline: ['mtus-chronic-pain-2009'],
            section: ['mtus-chronic-pain-2009/tens-chronic-pain-transcutaneous-electrical-nerve-stimulation'],
          },
        },
        // A guideline the catalogue lacks: no family for it in `families` below.
        {
          outcome: 'upheld',
          treatment: 'brace',
          regions: ['lumbar-spine'],
          request: [2, 5],
          names: [],
          claims: { guideline: ['mtus-low-back-2004'], section: [] },
          reviewer: { guideline: ['mtus-low-back-2004'], section: ['mtus-low-back-2004/lumbar-supports'] },
        },
      ],
      sections: {
        'mtus-chronic-pain-2009/page-114': 'MTUS Chronic Pain 2009, page 114',
        'mtus-chronic-pain-2009/page-115': 'MTUS Chronic Pain 2009, page 115',
        'mtus-chronic-pain-2009/page-116': 'MTUS Chronic Pain 2009, page 116',
        'mtus-chronic-pain-2009/tens-chronic-pain-transcutaneous-electrical-nerve-stimulation':
          'MTUS Chronic Pain 2009, TENS, chronic pain (transcutaneous electrical nerve stimulation)',
        'mtus-low-back-2004/lumbar-supports': 'mtus-low-back-2004, Lumbar Supports',
      },
      // Each cited guideline's family, which the facet files leave to the list of values; none for the one the catalogue lacks.
      families: { 'mtus-chronic-pain-2009': 'mtus' },
    });
    expect(html).not.toContain('data-pagefind-filter');
    expect(html).toContain('data-pagefind-sort="decided:2017-02-03"');
  });

  test('navigation, labels and the boilerplate are marked data-pagefind-ignore inside the body', () => {
    const html = readPage(root, '/determinations/CM14-0123456/');
    const body = html.slice(html.indexOf('data-pagefind-body'));
    expect(body).toMatch(/<nav class="breadcrumbs"[^>]*data-pagefind-ignore|<details class="how-made" data-pagefind-ignore>/);
    expect(body).toMatch(/<dl class="facts" data-pagefind-ignore>/);
    expect(body).toMatch(/<dt data-pagefind-ignore>Claims Administrator guideline<\/dt>/);
    expect(body).toMatch(/<p class="cite-as" data-pagefind-ignore>/);
    expect(html.indexOf('<header class="site-header"')).toBeLessThan(html.indexOf('data-pagefind-body'));
  });
});

describe('a build under a sub-path', () => {
  test('prefixes every internal link, script and stylesheet with the base', () => {
    const files = readdirSync(sub.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const file of files) {
      const html = readPage(sub, `/${file}`);
      const urls = [...attributeValues(html, 'href'), ...attributeValues(html, 'src'), ...attributeValues(html, 'action')];
      // Only same-page fragments ("#main", the skip link) may go without the base.
      for (const url of urls.filter((u) => !u.startsWith('#'))) {
        expect(url.startsWith('/imr/'), `${file}: ${url}`).toBe(true);
      }
    }
  });
});

describe('a body in a layout the page does not know', () => {
  const id = (n: number) => `CM18-${String(n).padStart(7, '0')}`;

  test('without item headings, shows the decisions section as it stands, after the items, indexed', () => {
    const html = readPage(sub, `/determinations/${id(BULK_COUNT - 1)}/`);
    const text = visibleText(html);
    expect(text).toContain('Item 1: MRI of the right shoulder without contrast');
    expect(text).toContain('The rationale is in the letter text below.');
    expect(text).toMatch(
      /Decisions as the letter states them The Final Determination .* Therefore the request for an MRI of the shoulder is determined to be not medically necessary\./,
    );
    expect(html).toMatch(/<section class="letter-text" aria-labelledby="letter-text"><h2 id="letter-text">/);
    expect(html).toMatch(/<details class="how-made" data-pagefind-ignore>/);
  });

  test("without any heading, shows the whole body through Astro's renderer", () => {
    const html = readPage(sub, `/determinations/${id(BULK_COUNT)}/`);
    expect(visibleText(html)).toMatch(
      /Letter text MAXIMUS Federal Services sent the complete case file .* Therefore the request for an MRI of the shoulder is determined to be not medically necessary\./,
    );
    expect(html.indexOf('id="item-1"')).toBeLessThan(html.indexOf('id="letter-text"'));
  });
});

describe('pagination', () => {
  // The sub-path build has the 5 fixture letters plus BULK_COUNT copies of the MRI sample.
  const total = 5 + BULK_COUNT;

  test('the determinations list shows the newest on its own page and numbers older pages from the oldest', () => {
    const newest = readPage(sub, '/determinations/');
    // 115 letters: page 1 holds the oldest 50, the list's own page the newest 65.
    expect(visibleText(newest)).toContain(`The ${total - 50} newest of ${total} determinations`);
    expect(newest.match(/<tr>/g)).toHaveLength(total - 50 + 1); // header row + rows
    expect(newest).toContain('href="/imr/determinations/1/" rel="next">Older ›');
    const oldest = readPage(sub, '/determinations/1/');
    expect(visibleText(oldest)).toContain('Determinations 1–50, counting from the oldest');
    expect(oldest.match(/<tr>/g)).toHaveLength(51);
    expect(oldest).toContain('href="/imr/determinations/" rel="prev">‹ Newer');
    expect(oldest).toContain('aria-label="Pages, below the list"');
    expect(hasPage(sub, '/determinations/2/')).toBe(false);
    // Newest first within a page: the fixture letters (2014–2017) are the oldest rows.
    const dates = [...oldest.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.at(-1)).toBe('2014-10-02');
  });

  test('a section page and a treatment page paginate their items the same way, counts on the newest page only', () => {
    const items = 2 * (BULK_COUNT + 1);
    const mri = visibleText(readPage(sub, '/treatments/mri/'));
    expect(mri).toContain(`The ${items - 150} newest of ${items} items`);
    expect(mri).toContain(`${items} items · `);
    expect(mri).toContain('Guideline sections most cited');
    expect(mri).toContain(`Download these ${items} items (CSV)`);
    const older = visibleText(readPage(sub, '/treatments/mri/3/'));
    expect(older).toContain('Items 101–150, counting from the oldest');
    expect(older).not.toContain(`${items} items`);
    expect(older).not.toContain('Guideline sections most cited');
    expect(older).not.toContain('Decisions by');
    expect(older).toContain('Download the whole list (CSV)');
    expect(hasPage(sub, '/treatments/mri/4/')).toBe(false);
    const section = visibleText(readPage(sub, '/guidelines/mtus-shoulder-2004/special-studies/1/'));
    expect(section).toContain('Items 1–50, counting from the oldest');
    expect(section).not.toContain('upheld (');
  });

  test('the treatment × guideline lists page the same way', () => {
    const items = BULK_COUNT + 1;
    for (const path of ['/treatments/mri/mtus-shoulder-2004/', '/treatments/mri/mtus-shoulder-2004/special-studies/']) {
      expect(visibleText(readPage(sub, path)), path).toContain(`The ${items - 50} newest of ${items} items`);
      const oldest = visibleText(readPage(sub, `${path}1/`));
      expect(oldest, path).toContain('Items 1–50, counting from the oldest');
      expect(oldest, path).not.toContain('Decisions by');
      expect(hasPage(sub, `${path}2/`), path).toBe(false);
    }
  });
});
