// A letter's items held to themselves, for what reads whole but is not what the letter said: an
// item that repeats an earlier one word for word (a page pasted twice in a text dump), or a
// decision line whose verdict is not the one its rationale concludes (rationale-verdict.ts). The
// letter is imported as written, with a warning naming the item, since only the original can tell
// a damaged text from a letter that says so itself.
import type { RawItem } from './parse-items.ts';
import { rationaleVerdict } from './rationale-verdict.ts';

const VERDICT_WORD = { upheld: 'Upheld', overturned: 'Overturned' } as const;

/** One warning for each item that repeats an earlier one or whose decision line contradicts its rationale. */
export function itemWarnings(items: readonly RawItem[]): string[] {
  const warnings: string[] = [];
  const firstWith = new Map<string, number>();
  items.forEach((item, i) => {
    const n = i + 1;
    const name = `item ${n} ("${item.request}")`;
    const words = JSON.stringify([item.title, item.claimsAdministrator, item.reviewer, item.rationale]).replace(/\s+/g, ' ');
    const earlier = firstWith.get(words);
    if (earlier === undefined) firstWith.set(words, n);
    else
      warnings.push(
        `${name} repeats item ${earlier} word for word (request, guideline fields and rationale); check the original for a page the text holds twice`,
      );
    const concluded = rationaleVerdict(item.rationale);
    if (concluded && concluded.outcome !== item.outcome)
      warnings.push(
        `${name}: the decision line says ${VERDICT_WORD[item.outcome]} but its rationale concludes "${shorten(concluded.sentence)}"; check the original`,
      );
  });
  return warnings;
}

/** A concluding sentence for a message: its last 80 characters or so, from a word's start, where the verdict is. */
function shorten(sentence: string): string {
  return sentence.length <= 80 ? sentence : `…${sentence.slice(-80).replace(/^\S*\s+/, '')}`;
}
