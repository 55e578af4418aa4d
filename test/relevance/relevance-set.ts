// The relevance test set: queries a lawyer would type, written from the sample letters in
// content/ (case numbers, request names, drug names, guideline sections, rationale phrases), each
// with the letters that answer it. A query scores top-1 when the first result is one of them,
// top-3 when one of them is among the first three. test/build/relevance.test.ts runs it against
// the sample fixture site; scripts/dev/relevance.ts prints the figures docs/search.md gives.

export interface RelevanceQuery {
  kind: 'case number' | 'request' | 'drug' | 'guideline section' | 'rationale phrase';
  q: string;
  /** Ids of the letters that answer the query. */
  expected: string[];
}

const q = (kind: RelevanceQuery['kind'], query: string, ...expected: string[]): RelevanceQuery => ({ kind, q: query, expected });

export const RELEVANCE_SET: RelevanceQuery[] = [
  q('case number', 'CM17-0012582', 'CM17-0012582'),
  q('case number', 'CM16-0246487', 'CM16-0246487'),
  q('case number', 'CM17-0007300', 'CM17-0007300'),
  q('case number', 'CM16-0213037', 'CM16-0213037'),
  q('case number', 'CM17-0021656', 'CM17-0021656'),
  q('case number', 'CM16-0229336', 'CM16-0229336'),

  q('request', 'Bankart repair', 'CM16-0246487'),
  q('request', 'Slingshot sling', 'CM16-0246487'),
  q('request', 'hearing aids', 'CM17-0002551'),
  q('request', 'sit-stand workstation', 'CM17-0009282'),
  q('request', 'gym membership', 'CM17-0016761'),
  q('request', 'hospital bed', 'CM17-0009996'),
  q('request', 'knee scooter', 'CM17-0004547'),
  q('request', 'Jamar grip test', 'CM17-0009441'),
  q('request', 'MR arthrogram shoulder', 'CM17-0008177'),
  q('request', 'carpal tunnel release', 'CM17-0015218'),
  q('request', 'home aide', 'CM16-0249735'),
  q('request', 'partial hospitalization', 'CM17-0001749'),
  q('request', 'SSEP', 'CM17-0011730'),
  q('request', 'Vascutherm', 'CM17-0014449'),

  q('drug', 'Trezix', 'CM17-0007300'),
  q('drug', 'Percocet', 'CM16-0246487'),
  q('drug', 'Zofran', 'CM16-0246487'),
  q('drug', 'Orphenadrine', 'CM16-0247802'),
  q('drug', 'Viagra', 'CM16-0221706'),
  q('drug', 'Lorzone', 'CM17-0005412'),
  q('drug', 'Nortriptyline', 'CM17-0008753'),
  q('drug', 'Fioricet', 'CM17-0012593'),
  q('drug', 'Diazepam', 'CM16-0240524', 'CM17-0013077'),
  q('drug', 'Oxycodone', 'CM16-0239110'),
  q('drug', 'Salonpas', 'CM16-0245796'),
  q('drug', 'Synapryn', 'CM17-0014438', 'CM16-0248698'),

  q('guideline section', 'Opioids for Post-operative Pain', 'CM16-0234202', 'CM16-0246487'),
  q('guideline section', 'Tapering Opioids', 'CM17-0015790'),
  q('guideline section', 'Continuous-flow cryotherapy', 'CM16-0246487'),
  q('guideline section', 'Surgery for SLAP lesions', 'CM17-0014449'),
  q('guideline section', 'Mattress selection', 'CM17-0009996'),
  q('guideline section', 'Severe Acute Injuries', 'CM16-0239110'),
  q('guideline section', 'Thermography', 'CM16-0235869'),
  q('guideline section', 'Adhesiolysis percutaneous', 'CM16-0247274'),
  q('guideline section', 'Platelet-rich plasma', 'CM17-0004547', 'CM17-0011992', 'CM17-0012582'),

  q('rationale phrase', 'conductive hearing loss', 'CM17-0002551'),
  q('rationale phrase', 'pulmonary arterial hypertension', 'CM16-0221706'),
  q('rationale phrase', 'large complex abdominal hernia', 'CM17-0014944'),
  q('rationale phrase', 'chest palpitations', 'CM17-0013587'),
  q('rationale phrase', 'rib fractures hemothorax', 'CM16-0249735'),
  q('rationale phrase', 'suspected cervical spine trauma', 'CM17-0005924'),
  q('rationale phrase', 'skilled nursing facility', 'CM16-0229336', 'CM17-0004133'),
  q('rationale phrase', 'neurosurgeon evaluation', 'CM17-0004133'),
  q('rationale phrase', 'activity or job modification', 'CM17-0009282'),
  q('rationale phrase', 'psychosocial evaluations', 'CM17-0001749'),
];
