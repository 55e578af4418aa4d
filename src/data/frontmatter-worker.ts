// The worker thread of src/data/frontmatter-thread.ts: reads letter files, parses their
// frontmatter and validates it with the one schema, for the letter store (letter-store.ts) to keep.
// Node runs this file as it stands (type stripping), so it and what it imports use erasable
// TypeScript only.
import { parentPort } from 'node:worker_threads';
import { parseFrontmatter } from '../lib/body/frontmatter.ts';
import { describeIssues } from '../lib/schema/describe-issues.ts';
import { DeterminationSchema } from '../lib/schema/determination.ts';
import { LetterTextError, readLetterText } from './files/letter-text.ts';
import type { ReadReply, ReadRequest } from './frontmatter-thread.ts';
import { sha256 } from '../lib/files/sha256.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A letter's text as its stored data, or its problems worded as check words them ("field: message"). */
function validate(id: number, text: string): ReadReply {
  const digest = sha256(text);
  let frontmatter;
  try {
    frontmatter = parseFrontmatter(text).data;
  } catch (error) {
    return { id, digest, problems: [`(frontmatter): ${message(error)}`] };
  }
  // The data is the schema's output (defaults and transforms applied), as pages and check see it.
  const parsed = DeterminationSchema.safeParse(frontmatter, { reportInput: true });
  return parsed.success ? { id, digest, data: parsed.data } : { id, digest, problems: describeIssues(parsed.error.issues) };
}

parentPort!.on('message', ({ id, path }: ReadRequest) => {
  // Read as check reads it: strict UTF-8, a leading byte-order mark dropped.
  readLetterText(path).then(
    (text) => {
      let reply: ReadReply;
      try {
        reply = validate(id, text);
      } catch (error) {
        reply = { id, problems: [`(file): cannot be validated: ${message(error)}`] };
      }
      parentPort!.postMessage(reply);
    },
    (error: unknown) => {
      const problem =
        error instanceof LetterTextError
          ? error.message
          : `(file): cannot read it: ${(error as NodeJS.ErrnoException).code ?? message(error)}`;
      parentPort!.postMessage({ id, problems: [problem] } satisfies ReadReply);
    },
  );
});
