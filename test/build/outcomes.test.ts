// The outcome charts, /outcomes/ and the "earlier determinations" block on the built fixture
// sites: every number a chart or a cell shows is the count of the list it stands for, and the
// block shows only earlier letters.
import { describe, expect, inject, test } from 'vitest';
import type { SiteBuild } from '../support/build-site.ts';
import { attributeValues, hasPage, readPage, visibleText } from '../support/site-files.ts';

const { root, sub, sample } = inject('sites');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Counts {
  total: number;
  upheld: number;
  overturned: number;
}

/** The chart's table: period key ("2017" or "2017-02") -> its numbers. */
function chartTable(html: string): Map<string, Counts> {
  const table = html.slice(html.indexOf('class="chart-numbers"'), html.indexOf('</table>', html.indexOf('class="chart-numbers"')));
  const rows = new Map<string, Counts>();
  for (const m of table.matchAll(
    /<th scope="row">([^<]+)<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g,
  )) {
    const [month, year] = m[1]!.split(' ');
    const key = year ? `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}` : m[1]!;
    rows.set(key, { total: Number(m[2]), upheld: Number(m[3]), overturned: Number(m[4]) });
  }
  return rows;
}

/** Every row of a dated item list, over all its pages (its own, then 1, 2, …): decision date and outcome. */
function listRows(site: SiteBuild, path: string): { decided: string | undefined; outcome: string }[] {
  const rows: { decided: string | undefined; outcome: string }[] = [];
  for (let n = 0; n === 0 || hasPage(site, `${path}${n}/`); n++) {
    const html = readPage(site, n === 0 ? path : `${path}${n}/`);
    // The item table is the page's last table: its caption starts "Disputed items".
    const items = html.slice(html.lastIndexOf('<caption class="visually-hidden">Disputed items'));
    for (const row of items.split('<tr>').slice(2)) {
      rows.push({ decided: /<time datetime="([\d-]+)">/.exec(row)?.[1], outcome: /badge-(upheld|overturned)/.exec(row)![1]! });
    }
  }
  return rows;
}

/** The outcome summary under the page's title: "12 items · 9 upheld (75%) · 3 overturned (25%)". */
function summary(html: string): Counts {
  const text = visibleText(html.slice(html.indexOf('<div class="outcome-summary">')));
  const m = /^(\d+) items? · (\d+) upheld.*?· (\d+) overturned/.exec(text)!;
  return { total: Number(m[1]), upheld: Number(m[2]), overturned: Number(m[3]) };
}

function expectChartToCountList(site: SiteBuild, path: string) {
  const chart = chartTable(readPage(site, path));
  const rows = listRows(site, path).filter((r) => r.decided);
  expect(chart.size, path).toBeGreaterThan(0);
  for (const [period, counts] of chart) {
    const inPeriod = rows.filter((r) => r.decided!.startsWith(period));
    expect(counts, `${path} ${period}`).toEqual({
      total: inPeriod.length,
      upheld: inPeriod.filter((r) => r.outcome === 'upheld').length,
      overturned: inPeriod.filter((r) => r.outcome === 'overturned').length,
    });
  }
  expect(
    [...chart.values()].reduce((n, c) => n + c.total, 0),
    path,
  ).toBe(rows.length);
}

describe('outcome charts', () => {
  test('count, period by period, the items a treatment type lists over all its pages (by month under three years)', () => {
    expectChartToCountList(sub, '/treatments/mri/');
    expectChartToCountList(sub, '/treatments/mri/regions/shoulder/');
    expect([...chartTable(readPage(sub, '/treatments/mri/')).keys()]).toEqual(
      expect.arrayContaining(['2016-12', '2017-01', '2018-01', '2018-12']),
    );
    // October 2014 to February 2017, every month listed, empty ones too.
    expectChartToCountList(root, '/treatments/tens-ems-unit/');
    expect(chartTable(readPage(root, '/treatments/tens-ems-unit/')).size).toBe(29);
  });

  test('count by year when the items span three years or more', () => {
    const html = readPage(sub, '/outcomes/');
    const chart = chartTable(html);
    expect([...chart.keys()]).toEqual(['2014', '2015', '2016', '2017', '2018']);
    expect(chart.get('2018')).toEqual({ total: 220, upheld: 220, overturned: 0 });
    expect([...chart.values()].reduce((n, c) => n + c.total, 0)).toBe(summary(html).total);
  });

  test('count the items of guideline section pages and of the treatment × reviewer guideline lists', () => {
    expectChartToCountList(root, '/guidelines/mtus-chronic-pain-2009/page-121/');
    expectChartToCountList(sub, '/guidelines/mtus-shoulder-2004/special-studies/');
    expectChartToCountList(sub, '/treatments/mri/mtus-shoulder-2004/');
    expectChartToCountList(sub, '/treatments/mri/mtus-shoulder-2004/special-studies/');
  });

  test('on a guideline page, add up to the outcome counts of the page', () => {
    for (const path of ['/guidelines/mtus-chronic-pain-2009/', '/guidelines/odg-pain/']) {
      const html = readPage(root, path);
      const sum = [...chartTable(html).values()].reduce(
        (a, c) => ({ total: a.total + c.total, upheld: a.upheld + c.upheld, overturned: a.overturned + c.overturned }),
        { total: 0, upheld: 0, overturned: 0 },
      );
      expect(sum, path).toEqual(summary(html));
    }
  });

  test('are an image with a title and a description, one bar per row of the table, and no script', () => {
    const html = readPage(root, '/treatments/tens-ems-unit/');
    const start = html.indexOf('<svg class="chart"');
    const svg = html.slice(start, html.indexOf('</svg>', start));
    expect(svg).toMatch(/^<svg class="chart"[^>]* role="img" aria-labelledby="chart-title chart-desc">/);
    expect(/<title id="chart-title">(.*?)<\/title>/.exec(svg)?.[1]).toBe('TENS / EMS units: upheld and overturned items by decision month');
    expect(visibleText(/<desc id="chart-desc">(.*?)<\/desc>/.exec(svg)![1]!)).toBe(
      "2 items decided from October 2014 to February 2017: 1 upheld, 1 overturned. Most in October 2014 (1 item). Each month's numbers are in the table.",
    );
    expect(html.match(/<g class="chart-bar">/g)).toHaveLength(chartTable(html).size);
    expect(html).not.toContain('<script');
  });
});

describe('/outcomes/', () => {
  test('gives in each cell the items and overturned items of the list it links to', () => {
    for (const site of [root, sub]) {
      const html = readPage(site, '/outcomes/');
      const table = html.slice(html.indexOf('class="data-table outcome-matrix"'));
      const cells = [...table.matchAll(/<td class="num"><a href="([^"]+)">(\d+)<span class="visually-hidden"> items?,<\/span> \/ (\d+)/g)];
      expect(cells.length).toBeGreaterThan(4);
      for (const [, link, items, overturned] of cells) {
        const page = readPage(site, link!.slice(site.base.length - 1));
        expect({ link, ...summary(page) }).toMatchObject({ link, total: Number(items), overturned: Number(overturned) });
      }
    }
  });

  test('has a row per treatment type with items and a column per guideline reviewers cite most', () => {
    const text = visibleText(readPage(sub, '/outcomes/'));
    expect(text).toContain('Treatment type All MTUS Neck 2004 MTUS Shoulder 2004 MTUS Chronic Pain 2009 mtus-low-back-2004 ODG Pain');
    // 110 bulk copies of the sample plus the sample: two MRI items each, one per guideline.
    expect(text).toContain('MRI 222 items, / 0 overturned 111 items, / 0 overturned 111 items, / 0 overturned — — —');
  });
});

describe('earlier determinations like this one', () => {
  test('has one block per page, out of the search index, with a part per item', () => {
    const html = readPage(root, '/determinations/CM17-0012345/');
    expect(attributeValues(html, 'id').filter((id) => id === 'similar')).toHaveLength(1);
    expect(html).toMatch(/<section class="similar" id="similar"[^>]*data-pagefind-ignore>/);
    expect(html.match(/<div class="similar-item">/g)).toHaveLength(2);
  });

  test('lists an earlier item of the same type with its case number, date, outcome and citation, and says when there is none', () => {
    const text = visibleText(readPage(root, '/determinations/CM17-0012345/').split('id="similar"')[1]!.split('</section>')[0]!);
    expect(text).toContain('Item 1: TENS unit rental for 30 days');
    expect(text).toContain(
      '✕ Upheld Zynex EMS unit (home use)/purchase for lumbar spine CM14-0123456, October 2, 2014 . Reviewer cited: MTUS Chronic Pain 2009 › Page 121',
    );
    expect(text).toContain(
      'Item 2: Lumbar support brace Before this decision, brace under mtus-low-back-2004 › Lumbar Supports : none. No earlier item of this treatment type.',
    );
    // The earliest letter has nothing before it.
    expect(visibleText(readPage(root, '/determinations/CM14-0123456/'))).toContain('No earlier item of this treatment type.');
  });

  test('shows five earlier items citing the same section, and the cohort as of the decision with a link to its list', () => {
    // CM18-0000024 is decided 2018-01-25 (test/support/bulk-corpus.ts).
    const html = readPage(sub, '/determinations/CM18-0000024/');
    const block = html.split('id="similar"')[1]!.split('</section>')[0]!;
    const first = block.split('<div class="similar-item">')[1]!;
    const dates = [...first.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(5);
    for (const date of dates) expect(date <= '2018-01-25').toBe(true);
    expect(first.match(/Same reviewer section: Special Studies/g)).toHaveLength(5);
    expect(first).not.toContain('CM18-0000024');
    const cohort =
      /Before this decision, <a href="\/imr(\/treatments\/mri\/mtus-shoulder-2004\/special-studies\/)">[^<]+<\/a>: (\d+) items, (\d+) upheld, (\d+) overturned/.exec(
        first,
      )!;
    const earlier = listRows(sub, cohort[1]!).filter((r) => r.decided && r.decided <= '2018-01-25');
    // Less the letter's own item on that list.
    expect(Number(cohort[2])).toBe(earlier.length - 1);
    expect(Number(cohort[3])).toBe(earlier.filter((r) => r.outcome === 'upheld').length - 1);
  });
});

describe('on the sample letters', () => {
  test('a citation naming a section and a page is listed under the page too, and an undated list says why it has no chart', () => {
    // The 2014 letter: "Neuromuscular electrical stimulation (NMES devices) Page(s): 121."
    const text = visibleText(readPage(sample, '/guidelines/mtus-chronic-pain-2009/page-121/'));
    expect(text).toContain('imr-87ce093ee60f634e');
    expect(text).toContain('Also cited by name: Neuromuscular electrical stimulation (NMES devices) (1 item)');
    expect(text).toContain('No chart: the one item here is undated (its letter states no decision date).');
  });

  test('the figure counts the reviewer’s cited section with the most earlier items', () => {
    // The reviewer cites "Diagnostic Criteria, Special Studies, Summary"; Special Studies has the most.
    const html = readPage(sample, '/determinations/CM17-0012614/');
    const figure = /Before this decision, <a href="[^"]*\/special-studies\/">[^<]+<\/a>: (\d+) items/.exec(html);
    expect(Number(figure?.[1])).toBeGreaterThanOrEqual(5);
  });

  test('a guideline page says how many of its items the IMR reviewer decided under it', () => {
    const html = readPage(sample, '/guidelines/odg-low-back/');
    const all = summary(html);
    const share =
      /The IMR reviewer cited the guideline for (\d+) items: (\d+) upheld, (\d+) overturned; for the other (\d+) items only the claims administrator did\./.exec(
        visibleText(html),
      );
    if (!share) throw new Error(`/guidelines/odg-low-back/ has no reviewer share line: ${visibleText(html).slice(0, 600)}`);
    expect(Number(share[1]) + Number(share[4])).toBe(all.total);
    expect(Number(share[2]) + Number(share[3])).toBe(Number(share[1]));
    expect(Number(share[4])).toBeGreaterThan(0);
    // A section only the claims administrator cited says so, without a count of none.
    const only = visibleText(readPage(sample, '/guidelines/odg-low-back/manipulation/'));
    expect(only).toContain(
      'Only the claims administrator cited this section for these items; the IMR reviewer decided them under other guidelines or none.',
    );
    expect(only).not.toContain('cited this section for 0 items');
  });
});
