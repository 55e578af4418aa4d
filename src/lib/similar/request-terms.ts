// The words two disputed items are compared by: "MRI of the lumbosacral spine without contrast"
// -> contrast, lumbar, mri, spine, without. Lower case, function words and bare numbers
// (quantities, dates of service) dropped, a plural "s" cut, a few spellings of one body part
// joined. Fixed rules, no corpus statistics: an item's terms never change when letters are added.

const WORD = /[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*/g;

const FUNCTION_WORDS = new Set(
  'a an and as at by for from in into of on or per the to with x times time week weeks day days month months unknown quantity qty'.split(
    ' ',
  ),
);

/** Spellings of one thing that letters use interchangeably. */
const SAME_AS: Record<string, string> = {
  lumbosacral: 'lumbar',
  lumbar: 'lumbar',
  lower: 'low',
  thoracolumbar: 'thoracic',
  preoperative: 'preop',
  pre: 'preop',
  postoperative: 'postop',
  post: 'postop',
  magnetic: 'mri',
  resonance: 'mri',
  ncv: 'ncs',
};

function stem(word: string): string {
  const joined = SAME_AS[word] ?? word;
  // "sessions" -> "session", "studies" -> "study"; short words ("ros", "ms") stay.
  if (joined.length > 4 && joined.endsWith('ies')) return `${joined.slice(0, -3)}y`;
  if (joined.length > 3 && joined.endsWith('s') && !joined.endsWith('ss') && !joined.endsWith('us')) return joined.slice(0, -1);
  return joined;
}

/** The distinct terms of a text, sorted. */
export function requestTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    if (FUNCTION_WORDS.has(word)) continue;
    terms.add(stem(word));
  }
  return [...terms].sort();
}
