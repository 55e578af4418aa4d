// What an item's rationale concludes, to hold its decision line to: upheld (the denial stands)
// means not medically necessary, overturned means necessary. A rationale ends by stating the
// verdict in those words (all 341 sample rationales). Only a sentence that says one of the two in
// these words is read; anything else, or a sentence that says both ("although X was not medically
// necessary, Y is"), gives no verdict, so an unusual wording is never an alarm.
import type { Outcome } from '../../src/lib/schema/vocab.ts';
import { sentences } from './reader-common.ts';

/** Sentences read back from the end of a rationale: the opioid letters close their verdict with three of advice. */
const SENTENCES_BACK = 4;

// A negation and the few words between it and the phrase: "not", "cannot be considered",
// "is determined to not be", "not seen as", "not a", "no longer".
const NEGATION = String.raw`\b(?:not|cannot|never|no(?:\s+longer)?)[\s-]+(?:(?:be|been|being|seen|deemed|considered|determined|found|shown|as|a|to)[\s-]+){0,4}`;
// "medically necessary" and its kin; a bare "necessary" only after a negation ("if necessary" says nothing).
const PHRASE = new RegExp(
  String.raw`(?<negated>${NEGATION})?(?:\bmedically[\s-]+(?:necessary|appropriate|indicated)\b|\b(?<necessity>medical[\s-]+necessity)\b|(?<=${NEGATION})\bnecessary\b)`,
  'gi',
);
// "the medical necessity of this request is not established" / "has been established".
const ESTABLISHED = /^[^.;]*?\b(?:is|has|was|have)\s+(?<not>not\s+)?(?:been\s+)?(?:established|demonstrated|substantiated)\b/i;

// Last sentences and what they say:
//
//   Therefore, the request for right knee MRI is medically necessary.               -> overturned
//   ... is determined to not be medically necessary.                                 -> upheld
//   ... cannot be considered medically necessary per the guidelines.                 -> upheld
//   Likewise, the medical necessity of this request is not established.              -> upheld
//   ... the request for Post-op Percocet 5/325mg is not medically necessary. This decision
//   addresses the medical necessity of opioids ... The treating physician and the patient are
//   advised to consult the MTUS Opioids Treatment Guidelines ...                     -> upheld (advice after it says nothing)
/** The outcome a sentence states, or undefined when it states none in these words, or both. */
export function sentenceVerdict(sentence: string): Outcome | undefined {
  const stated = new Set([...sentence.matchAll(PHRASE)].map((m) => phraseVerdict(sentence, m)));
  stated.delete(undefined);
  return stated.size === 1 ? [...stated][0] : undefined;
}

function phraseVerdict(sentence: string, phrase: RegExpExecArray): Outcome | undefined {
  if (phrase.groups!.negated) return 'upheld';
  if (!phrase.groups!.necessity) return 'overturned';
  // "medical necessity" needs its predicate, after it.
  const established = ESTABLISHED.exec(sentence.slice(phrase.index + phrase[0].length));
  if (!established) return undefined;
  return established.groups!.not ? 'upheld' : 'overturned';
}

/** The verdict of a rationale and the sentence that states it; undefined when none of its last sentences states one. */
export function rationaleVerdict(rationale: readonly string[]): { outcome: Outcome; sentence: string } | undefined {
  const last = rationale.flatMap(sentences).slice(-SENTENCES_BACK).reverse();
  for (const sentence of last) {
    const outcome = sentenceVerdict(sentence);
    if (outcome) return { outcome, sentence };
  }
  return undefined;
}
