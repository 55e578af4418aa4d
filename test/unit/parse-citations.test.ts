// Guideline fields of real letters (test/fixtures/reference.jsonl, copied from the corpus) and of
// the 2014 fragment that cites by page, parsed against the real catalogue in content/guidelines/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { pageNumbers, parseCitations } from '../../scripts/import/parse-citations.ts';
import { CitationSchema } from '../../src/lib/schema/determination.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { guidelines } = loadCatalogue(`${root}content`);
const parse = (field: string) => parseCitations(field, guidelines);

/** Every distinct "Claims Administrator guideline:" and "MAXIMUS guideline:" field of the corpus. */
const fields = [
  ...new Set(
    readFileSync(`${root}test/fixtures/reference.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => (JSON.parse(line) as { items: Array<Record<string, string>> }).items)
      .flatMap((item) => [item.claims_administrator_guideline!, item.maximus_guideline!]),
  ),
].sort();
const NOTHING_CITED = /did not cite any/;

describe('parseCitations on single citations', () => {
  test('reads one MTUS chapter and its section', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.';
    expect(parse(text)).toEqual([{ guideline: 'mtus-shoulder-2004', section: 'Special Studies', text }]);
  });

  test('returns nothing when the reviewer or the administrator cited nothing', () => {
    expect(parse('The Expert Reviewer did not cite any medical evidence for its decision.')).toEqual([]);
    expect(parse('The Claims Administrator did not cite any evidence for its decision.')).toEqual([]);
  });

  test('drops the "outside of the MTUS" preamble and reads the ODG chapter and topic', () => {
    const text = 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back Chapter, Preoperative lab testing.';
    const field = `The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. ${text}`;
    expect(parse(field)).toEqual([{ guideline: 'odg-low-back', section: 'Preoperative lab testing', text }]);
  });

  test.each([
    ['ODG guidelines, Neck and Upper back, MRI', 'odg-neck-upper-back', 'Magnetic resonance imaging (MRI)'],
    ['Official Disability Guidelines (ODG) Pain Section/Lidoderm® (lidocaine patch) Topic', 'odg-pain', 'Lidoderm® (lidocaine patch)'],
    ['Official Disability Guidelines (ODG) Shoulder/MR Arthrogram', 'odg-shoulder', 'MR arthrogram'],
    [
      'Official Disability Guidelines (ODG) Knee and Leg (Durable medical equipment (DME))',
      'odg-knee-leg',
      'Durable medical equipment (DME)',
    ],
    ['Official Disability Guidelines (ODG) PRP', 'odg', 'Platelet-rich plasma (PRP)'],
    ['Low Back (Hyperstimulation analgesia)', 'odg-low-back', 'Hyperstimulation analgesia'],
    ['Official Disability Guidelines (ODG) MRI Elbow', 'odg-elbow', 'MRIs (magnetic resonance imaging)'],
    [
      'Official Disability Guidelines (ODG) Head (trauma, headaches, etc., not including stress & mental disorders) Hearing aids',
      'odg-head',
      'Hearing aids',
    ],
  ])('reads the ODG citation "%s" as %s, section "%s"', (citation, guideline, section) => {
    const text = `Decision based on Non-MTUS Citation ${citation}.`;
    expect(parse(`The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. ${text}`)).toEqual([
      { guideline, section, text },
    ]);
  });

  test('sends a source the catalogue does not know to "other" without a section', () => {
    const text = 'Decision based on Non-MTUS Citation Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016.';
    expect(parse(text)).toEqual([{ guideline: 'other', text }]);
    expect(parse('Decision based on Non-MTUS Citation A Textbook Nobody Catalogued, 3rd ed.')).toEqual([
      { guideline: 'other', text: 'Decision based on Non-MTUS Citation A Textbook Nobody Catalogued, 3rd ed.' },
    ]);
  });

  test('keeps an unknown MTUS chapter inside the MTUS family instead of "other"', () => {
    const text = 'Decision based on MTUS Hip and Groin Complaints 2004.';
    expect(parse(text)).toEqual([{ guideline: 'mtus', text }]);
  });

  test('normalises a cited section to the catalogue name, typos and stray spaces included', () => {
    expect(parse('Decision based on MTUS Knee Complaints 2004, Section(s): Diagnositc Criteria.')[0]?.section).toBe('Diagnostic Criteria');
    const field =
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Chronic Pain Medical Treatment 2016, Section(s): Electro- diagnostic testing (EMG/NCS).';
    expect(parse(field).map((c) => [c.guideline, c.section])).toEqual([
      ['mtus-neck-upper-back-2004', 'Special Studies'],
      ['mtus-chronic-pain-2016', 'Electrodiagnostic testing (EMG/NCS)'],
    ]);
  });

  test('reads "2016 Guidelines, Section(s):" as the 2016 Chronic Pain guideline', () => {
    const text = 'Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): Bupropion (Wellbutrin®).';
    expect(parse(text)).toEqual([{ guideline: 'mtus-chronic-pain-2016', section: 'Bupropion (Wellbutrin®)', text }]);
  });

  test('keeps a numbered opioid section whole, colons and commas included', () => {
    const text =
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment.';
    expect(parse(text)).toEqual([
      {
        guideline: 'mtus-opioid-2016',
        section: '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment',
        text,
      },
    ]);
  });
});

describe('parseCitations on fields that cite several guidelines', () => {
  test('gives each MTUS section its own citation, then the ODG topic, then the other source', () => {
    const mtus = 'Decision based on MTUS Low Back Complaints 2004, Section(s): Surgical Considerations, Physical Methods, Summary.';
    const odg =
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back (Thoracic and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection (ESI) and Other Medical Treatment Guidelines www.mdguidelines.com.';
    expect(parse(`${mtus} ${odg}`)).toEqual([
      { guideline: 'mtus-low-back-2004', section: 'Surgical Considerations', text: mtus },
      { guideline: 'mtus-low-back-2004', section: 'Physical Methods', text: mtus },
      { guideline: 'mtus-low-back-2004', section: 'Summary', text: mtus },
      { guideline: 'odg-low-back', section: 'Epidural steroid injections (ESIs)', text: odg },
      { guideline: 'other', text: odg },
    ]);
  });

  test('splits MTUS chapters joined by ", and" even with commas inside a chapter name, and reads "Section(s): 326" as a page', () => {
    const text =
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, Summary, and Shoulder Complaints 2004, Section(s): Surgical Considerations, Summary, and Elbow Complaints 2007, Section(s): 326, Diagnostic Criteria, and Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies, Diagnostic Criteria, Summary, and Chronic Pain Medical Treatment 2016, Section(s): Diabetic neuropathy, Electrodiagnostic testing (EMG/NCS).';
    const c = (guideline: string, section?: string, pages?: number[]) => ({
      guideline,
      ...(section ? { section } : {}),
      ...(pages ? { pages } : {}),
      text,
    });
    expect(parse(text)).toEqual([
      c('mtus-neck-upper-back-2004', 'Special Studies'),
      c('mtus-neck-upper-back-2004', 'Summary'),
      c('mtus-shoulder-2004', 'Surgical Considerations'),
      c('mtus-shoulder-2004', 'Summary'),
      c('mtus-elbow-2007', undefined, [326]),
      c('mtus-elbow-2007', 'Diagnostic Criteria'),
      c('mtus-forearm-wrist-hand-2004', 'Special Studies'),
      c('mtus-forearm-wrist-hand-2004', 'Diagnostic Criteria'),
      c('mtus-forearm-wrist-hand-2004', 'Summary'),
      c('mtus-chronic-pain-2016', 'Diabetic neuropathy'),
      c('mtus-chronic-pain-2016', 'Electrodiagnostic testing (EMG/NCS)'),
    ]);
  });

  test('keeps section names that contain commas whole', () => {
    const text =
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs (non-steroidal anti-inflammatory drugs), NSAIDs, GI symptoms & cardiovascular risk, NSAIDs, hypertension and renal function, NSAIDs, specific drug list & adverse effects.';
    expect(parse(text).map((c) => c.section)).toEqual([
      'NSAIDs (non-steroidal anti-inflammatory drugs)',
      'NSAIDs, GI symptoms & cardiovascular risk',
      'NSAIDs, hypertension and renal function',
      'NSAIDs, specific drug list & adverse effects',
    ]);
    expect(
      parse('Decision based on MTUS Postsurgical Treatment 2009, Section(s): Knee, Forearm, Wrist, & Hand.').map((c) => c.section),
    ).toEqual(['Knee', 'Forearm, Wrist, & Hand']);
  });

  test('reads a non-MTUS ACOEM page after two MTUS chapters', () => {
    const mtus =
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.';
    const acoem =
      'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.';
    expect(parse(`${mtus} ${acoem}`)).toEqual([
      { guideline: 'mtus-low-back-2004', section: 'Summary', text: mtus },
      { guideline: 'mtus-chronic-pain-2016', section: 'Facet blocks', text: mtus },
      { guideline: 'acoem', section: 'Low Back Disorders', pages: [607], text: acoem },
    ]);
  });

  test('reads two ODG chapters and a web page out of one sentence', () => {
    const text =
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee/DME, Low Back Lumbar and Thoracic/Mattress selection and Other Medical Treatment Guidelines https://www.cms.gov/Regulations-and- Guidance/Guidance/Transmittals/downloads/R148CIM.pdf.';
    expect(parse(text)).toEqual([
      { guideline: 'odg-knee-leg', section: 'Durable medical equipment (DME)', text },
      { guideline: 'odg-low-back', section: 'Mattress selection', text },
      { guideline: 'other', text },
    ]);
  });
});

describe('parseCitations on 2014 letters that cite by page', () => {
  test('reads "Page(s): 116/127" as two pages of the 2009 Chronic Pain guideline, without inventing a section', () => {
    const text = 'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 116/127.';
    expect(parse(text)).toEqual([{ guideline: 'mtus-chronic-pain-2009', pages: [116, 127], text }]);
  });

  test('keeps the topic the letter names beside its page', () => {
    const text =
      'Decision based on MTUS Chronic Pain Treatment Guidelines Guidelines MTUS Neuromuscular electrical stimulation (NMES devices) Page(s): 121.';
    expect(parse(text)).toEqual([
      { guideline: 'mtus-chronic-pain-2009', section: 'Neuromuscular electrical stimulation (NMES devices)', pages: [121], text },
    ]);
  });

  test('expands page ranges and keeps lists in the order cited', () => {
    expect(parse('Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 78-80.')[0]?.pages).toEqual([78, 79, 80]);
    expect(parse('Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 111-113, 22.')[0]?.pages).toEqual([
      111, 112, 113, 22,
    ]);
    expect(pageNumbers('116/127')).toEqual([116, 127]);
    expect(pageNumbers('303 - 305 and 309')).toEqual([303, 304, 305, 309]);
  });
});

describe('parseCitations on every guideline field of the corpus', () => {
  test.each(fields)('finds a citation in "%s"', (field) => {
    const citations = parse(field);
    if (NOTHING_CITED.test(field)) expect(citations).toEqual([]);
    else expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(CitationSchema.parse(c)).toEqual(c);
      expect(field).toContain(c.text);
    }
  });

  test('never sends an MTUS chapter to "other" or to the unnamed-MTUS catch-all', () => {
    const mtusSentences = fields.flatMap((f) => f.split(/(?=Decision based on )/)).filter((s) => s.startsWith('Decision based on MTUS'));
    expect(mtusSentences.length).toBeGreaterThan(100);
    const strays = mtusSentences.flatMap((s) =>
      parse(s)
        .filter((c) => c.guideline === 'other' || c.guideline === 'mtus')
        .map(() => s),
    );
    expect(strays).toEqual([]);
  });

  test('finds every MTUS section the corpus cites in the catalogue', () => {
    const known = new Map(guidelines.map((g) => [g.slug, new Set(g.sections.map((s) => s.name))]));
    const unknown = fields
      .flatMap(parse)
      .filter((c) => c.section && c.guideline.startsWith('mtus') && !known.get(c.guideline)?.has(c.section))
      .map((c) => `${c.guideline}: ${c.section}`);
    expect(unknown).toEqual([]);
  });
});

describe('parseCitations on text after a guideline name', () => {
  test('makes no section or page of a later sentence after the chapter name', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004. The reviewer also read the notes of the visit on page 7.';
    expect(parse(text)).toEqual([{ guideline: 'mtus-shoulder-2004', text }]);
  });

  test('ends a "Section(s):" list at its sentence end', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies. Some note p 5.';
    expect(parse(text)).toEqual([{ guideline: 'mtus-shoulder-2004', section: 'Special Studies', text }]);
  });

  test('cites a chapter named in the next sentence as a citation of its own, not as a section of the first', () => {
    const text = 'Decision based on MTUS Shoulder Complaints 2004. MTUS Knee Complaints 2004, Section(s): Summary.';
    expect(parse(text)).toEqual([
      { guideline: 'mtus-shoulder-2004', text },
      { guideline: 'mtus-knee-2004', section: 'Summary', text },
    ]);
  });

  test('keeps sentence-like dots inside a citation: initials, list numbers, abbreviations', () => {
    expect(parse('Decision based on MTUS Opioid Treatment 2016, Section(s): 2. Opioids for Subacute Pain.').map((c) => c.section)).toEqual([
      '2. Opioids for Subacute Pain',
    ]);
    expect(
      parse(
        'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.',
      ).map((c) => c.pages),
    ).toEqual([[607]]);
  });

  test('cites one source once when its names repeat in one sentence', () => {
    const uptodate =
      'Decision based on Non-MTUS Citation Benditt D, et al. Syncope in adults. Topic 969, version 21.0. UpToDate, accessed 02/18/2017.';
    expect(parse(uptodate)).toEqual([{ guideline: 'other', text: uptodate }]);
    // CM16-0229336, which had this "other" citation twice.
    const links =
      'Decision based on Non-MTUS Citation http://www.slideshare.net/julenemcalister/differences-between-inpatient-rehabilitation-skilled- nursing-care, https://medicalinsider.holy-cross.com/acute-inpatient-rehabilitation-versus-skilled- nursing-facility-rehabilitation.';
    expect(parse(links)).toEqual([{ guideline: 'other', text: links }]);
  });
});
