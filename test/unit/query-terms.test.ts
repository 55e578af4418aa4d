// Query words read into terms with the real catalogue's synonyms and region names, and the answer
// from the fields: which entries the words name, its line and its link.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { queryTerms, termsNote, termWords } from '../../src/lib/search/query-terms.ts';
import { answerLine, answerPath, namedEntries } from '../../src/lib/search/structured-answer.ts';
import { termSources } from '../relevance/precedent-questions.ts';

const sources = termSources(join(import.meta.dirname, '../../content'));
const terms = (q: string) => queryTerms(q.split(' '), sources);
const shape = (q: string) => terms(q).map((t) => [t.typed, t.alternatives.map((a) => a.words.join(' ')), t.region?.slug]);

describe('queryTerms', () => {
  test('reads a brand name as all its names, the typed one first, and says so', () => {
    expect(shape('Flexeril')).toEqual([['Flexeril', ['flexeril', 'cyclobenzaprine', 'fexmid', 'amrix'], undefined]]);
    expect(termsNote(terms('Flexeril'))).toBe('Flexeril also as cyclobenzaprine, Fexmid, Amrix');
  });

  test('takes the longest run of words that names a group or a region, then the rest word by word', () => {
    expect(shape('lumbar spine MRI without contrast')).toEqual([
      ['lumbar spine', ['lumbar spine'], 'lumbar-spine'],
      ['MRI', ['mri', 'magnetic resonance imaging', 'mr arthrogram'], undefined],
      ['without', ['without'], undefined],
      ['contrast', ['contrast'], undefined],
    ]);
    expect(shape('physical therapy')[0]).toEqual(['physical therapy', ['physical therapy', 'pt'], undefined]);
    expect(shape('low back')[0]?.[2]).toBe('lumbar-spine');
    expect(termsNote(terms('neck'))).toBe('neck also as the body region Cervical spine (neck)');
  });

  test('matches names as Pagefind reads words: any case, punctuation dropped', () => {
    expect(shape('X-Rays')).toEqual([['X-Rays', ['xrays'], undefined]]);
    expect(shape('x-ray')[0]?.[1]).toEqual(['xray', 'radiograph']);
    expect(shape('TENS')[0]?.[1]).toEqual(['tens', 'transcutaneous electrical nerve stimulation']);
    expect(terms('...')).toEqual([]);
  });

  test('keeps the exceptions a name has, and looks each word up once', () => {
    const pt = terms('PT')[0]!.alternatives.find((a) => a.name === 'PT');
    expect(pt?.except).toEqual(['ptt']);
    expect(termWords(terms('PT physical'))).toEqual(['pt', 'ptt', 'physical', 'therapy']);
  });

  test('reads words the catalogue does not name as they are typed', () => {
    expect(shape('Zynex unit')).toEqual([
      ['Zynex', ['zynex'], undefined],
      ['unit', ['unit'], undefined],
    ]);
    expect(termsNote(terms('Zynex unit'))).toBe('');
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
