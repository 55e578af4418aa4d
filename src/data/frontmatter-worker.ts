// The worker thread of src/data/frontmatter-thread.ts: reads letter files and parses their
// frontmatter, for the content loader to validate and store. Node runs this file as it stands
// (type stripping), so it and what it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { parseFrontmatter } from '../lib/body/frontmatter.ts';
import { LetterTextError, readLetterText } from './files/letter-text.ts';
import type { ReadReply, ReadRequest } from './frontmatter-thread.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

parentPort!.on('message', ({ id, path }: ReadRequest) => {
  // Read as check reads it: strict UTF-8, a leading byte-order mark dropped.
  readLetterText(path).then(
    (text) => {
      let reply: ReadReply;
      try {
        reply = { id, text, data: parseFrontmatter(text).data };
      } catch (error) {
        reply = { id, text, frontmatterError: message(error) };
      }
      parentPort!.postMessage(reply);
    },
    (error: unknown) => {
      const reply: ReadReply = error instanceof LetterTextError ? { id, textError: error.message } : { id, readError: message(error) };
      parentPort!.postMessage(reply);
    },
  );
});
