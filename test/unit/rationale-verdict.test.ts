// The verdict a rationale concludes, read from its wording of medical necessity, in the forms the
// sample letters use; anything else gives none, so an unusual wording is never an alarm.
import { describe, expect, test } from 'vitest';
import { rationaleVerdict, sentenceVerdict } from '../../scripts/import/rationale-verdict.ts';

describe('sentenceVerdict', () => {
  test.each([
    ['Therefore, the request is medically necessary.', 'overturned'],
    ['The request for Retrospective CT scan of the cervical spine is medically necessary and appropriate.', 'overturned'],
    ['Therefore the request is considered medically necessary at this time.', 'overturned'],
    ['Therefore, the request for Associated surgical service: Slingshot sling is medically necessary.', 'overturned'],
    ['Therefore, the request for an MRI of the cervical spine is determined to be not medically necessary.', 'upheld'],
    ['The request for MRI of the lumbar without contrast is determined to not be medically necessary.', 'upheld'],
    ['Without further indication for imaging, the request cannot be considered medically necessary per the guidelines.', 'upheld'],
    ['Therefore, the requested Diclofenac ER 100mg #60 is not seen as medically necessary.', 'upheld'],
    [
      'Therefore, based on the submitted medical documentation, the request for diazempam prescription is not-medically necessary.',
      'upheld',
    ],
    ['According to the clinical documentation provided and current guidelines; a MRI of the Elbow is not a medical necessity.', 'upheld'],
    ['For these reasons, the current request for two additional follow up office visits is not medically appropriate.', 'upheld'],
    ['Therefore, the request would not be supported by the guidelines, as such the request is not necessary.', 'upheld'],
    ['Likewise, the medical necessity of this request is not established.', 'upheld'],
    ['The medical necessity of the request has been established.', 'overturned'],
    [
      'Given that the naproxen was determined to be not medically necessary, the request for Pantoprazole is also not medically necessary.',
      'upheld',
    ],
  ])('reads "%s" as %s', (sentence, outcome) => {
    expect(sentenceVerdict(sentence)).toBe(outcome);
  });

  test.each([
    'The treating physician and the patient are advised to consult the MTUS Opioids Treatment Guidelines ("Tapering opioids"), and if necessary, other relevant guidelines, regarding the most appropriate method for weaning and terminating opioids for this patient.',
    'This decision addresses the medical necessity of opioids as they have been prescribed to this patient.',
    'This medical necessity decision should not be interpreted as a recommendation to stop long-term opioids abruptly.',
    'There is no evidence of any red flag conditions.',
    'Although the earlier request was not medically necessary, the request for six sessions is medically necessary.',
  ])('reads no verdict in "%s"', (sentence) => {
    expect(sentenceVerdict(sentence)).toBeUndefined();
  });
});

describe('rationaleVerdict', () => {
  test('finds the verdict before the advice the opioid letters close with, in a paragraph of its own or not', () => {
    const verdict = 'Given the above, the request for Post-op Percocet 5/325mg is not medically necessary.';
    const advice = [
      'This decision addresses the medical necessity of opioids as they have been prescribed to this patient.',
      'This medical necessity decision should not be interpreted as a recommendation to stop long-term opioids abruptly.',
      'The treating physician and the patient are advised to consult the MTUS Opioids Treatment Guidelines, and if necessary, other relevant guidelines.',
    ].join(' ');
    expect(rationaleVerdict([`Opioids are not first-line. ${verdict} ${advice}`])).toEqual({ outcome: 'upheld', sentence: verdict });
    expect(rationaleVerdict([`Opioids are not first-line. ${verdict}`, advice])).toEqual({ outcome: 'upheld', sentence: verdict });
  });

  test('reads no further back than the last four sentences', () => {
    const filler = 'The patient was seen again. ';
    expect(rationaleVerdict([`The request is medically necessary. ${filler.repeat(3)}`.trim()])?.outcome).toBe('overturned');
    expect(rationaleVerdict([`The request is medically necessary. ${filler.repeat(4)}`.trim()])).toBeUndefined();
  });
});
