// Query words read into terms with the real catalogue's synonyms and region names, and the answer
// from the fields: which entries the words name, its line and its link.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { namedGroups } from '../../src/lib/search/name-match.ts';
import { queryTerms, termsNote, termWords } from '../../src/lib/search/query-terms.ts';
import { answerLine, answerPath, namedEntries } from '../../src/lib/search/structured-answer.ts';
import { termSources } from '../relevance/precedent-questions.ts';

const sources = termSources(join(import.meta.dirname, '../../content'));
const terms = (q: string) => queryTerms(q.split(' '), sources);
const shape = (q: string) => terms(q).map((t) => [t.typed, [t.words.join(' ')], t.region?.slug, t.group?.key]);

describe('queryTerms', () => {
  test('reads a brand name as its synonym group: the typed word looked up, the other names by the requests, and says so', () => {
    expect(shape('Flexeril')).toEqual([['Flexeril', ['flexeril'], undefined, 'flexeril']]);
    expect(termsNote(terms('Flexeril'))).toBe('Flexeril, also as cyclobenzaprine, Fexmid, Amrix in requests');
    expect(shape('cyclobenzaprine')).toEqual([['cyclobenzaprine', ['cyclobenzaprine'], undefined, 'flexeril']]);
  });

  test('takes the longest run of words that names a group or a region, then the rest word by word', () => {
    expect(shape('lumbar spine MRI without contrast')).toEqual([
      ['lumbar spine', ['lumbar spine'], 'lumbar-spine', undefined],
      ['MRI', ['mri'], undefined, 'mri'],
      ['without', ['without'], undefined, undefined],
      ['contrast', ['contrast'], undefined, undefined],
    ]);
    expect(shape('physical therapy')[0]).toEqual(['physical therapy', ['physical therapy'], undefined, 'pt']);
    expect(shape('low back')[0]?.[2]).toBe('lumbar-spine');
    expect(termsNote(terms('neck'))).toBe('neck, also as the body region Cervical spine (neck)');
  });

  test('matches names as Pagefind reads words: any case, punctuation dropped', () => {
    expect(shape('X-Rays')).toEqual([['X-Rays', ['xrays'], undefined, undefined]]);
    expect(shape('x-ray')[0]).toEqual(['x-ray', ['xray'], undefined, 'xray']);
    expect(shape('TENS')[0]?.[3]).toBe('tens');
    expect(terms('...')).toEqual([]);
  });

  test('keeps the exceptions the typed name has, and looks each word up once', () => {
    expect(terms('PT')[0]!.except).toEqual(['ptt']);
    expect(termWords(terms('PT physical'))).toEqual(['pt', 'ptt', 'physical']);
  });

  test('reads words the catalogue does not name as they are typed', () => {
    expect(shape('Zynex unit')).toEqual([
      ['Zynex', ['zynex'], undefined, undefined],
      ['unit', ['unit'], undefined, undefined],
    ]);
    expect(termsNote(terms('Zynex unit'))).toBe('');
  });
});

describe('namedGroups', () => {
  const groups = sources.synonyms;
  const named = (request: string) => namedGroups(request, groups);

  test('finds every group a request names, by any of its names, as Pagefind reads words', () => {
    expect(named('Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16')).toEqual(['flexeril']);
    expect(named('Norco 10/325mg #35')).toEqual(['norco']);
    expect(named('EMG/NCV of the bilateral lower extremities')).toEqual(['emg', 'ncs']);
    expect(named('Lumbar spine x-rays')).toEqual(['xray']);
    expect(named('MRI (magnetic resonance imaging) of the cervical spine')).toEqual(['mri']);
    expect(named('Magnetic resonance imaging of the right shoulder')).toEqual(['mri']);
  });

  test('needs every word of a name of several, and leaves out a part beside an excepted one', () => {
    expect(named('Lidocaine 5% patch #1')).toEqual(['lidoderm']);
    expect(named('Lidocaine ointment 5% #1')).toEqual([]);
    expect(named('Pre-op labs: PT/PTT')).toEqual(['labs', 'preop']);
    expect(named('PT/OT 18 sessions left hand, right lower leg')).toEqual(['pt', 'ot']);
    expect(named('Four sessions of physical therapy two times a week')).toEqual(['pt']);
  });

  test('never takes the start of a longer word for a name', () => {
    expect(named('Tendon repair of the right shoulder')).toEqual([]);
    expect(named('Ultrasound 1 times 8')).toEqual([]);
  });
});

describe('the answer from the fields', () => {
  const mri = { key: 'treatment' as const, value: 'mri', label: 'MRI' };

  test('names the treatment type suggested, the regions and outcomes the words name, in that order, one of each', () => {
    const named = namedEntries('overturned lumbar MRI', terms('overturned lumbar MRI'), [mri]);
    expect(named.map((n) => `${n.key}=${n.value}`)).toEqual(['treatment=mri', 'region=lumbar-spine', 'outcome=overturned']);
    expect(namedEntries('Zynex', terms('Zynex'), [])).toEqual([]);
  });

  test('says how many items have those values and their outcomes, and links where they are listed', () => {
    const named = namedEntries('lumbar MRI', terms('lumbar MRI'), [mri]);
    expect(answerLine(named, { items: 22, upheld: 22, overturned: 0 })).toBe(
      'MRI · Lumbar spine (low back): 22 items, 22 upheld, 0 overturned',
    );
    expect(answerLine(named.slice(0, 1), { items: 1, upheld: 0, overturned: 1 })).toBe('MRI: 1 item, 0 upheld, 1 overturned');
    expect(answerPath(named, {})).toBe('/treatments/mri/regions/lumbar-spine/');
    expect(answerPath(named.slice(0, 1), {})).toBe('/treatments/mri/');
    // With filters or an outcome named, the search by those values alone.
    expect(answerPath(named, { year: ['2017'] })).toBe('/search/?year=2017&treatment=mri&region=lumbar-spine');
    expect(answerPath(namedEntries('upheld knee', terms('upheld knee'), []), {})).toBe('/search/?region=knee&outcome=upheld');
  });
});
