// The worker thread of src/data/frontmatter-thread.ts: reads letter files and parses their
// frontmatter, for the content loader to validate and store. Node runs this file as it stands
// (type stripping), so it and what it imports use erasable TypeScript only.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { parseFrontmatter } from '../lib/body/frontmatter.ts';
import type { ReadReply, ReadRequest } from './frontmatter-thread.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

parentPort!.on('message', ({ id, path }: ReadRequest) => {
  readFile(path, 'utf8').then(
    (text) => {
      let reply: ReadReply;
      try {
        reply = { id, text, data: parseFrontmatter(text).data };
      } catch (error) {
        reply = { id, text, frontmatterError: message(error) };
      }
      parentPort!.postMessage(reply);
    },
    (error: unknown) => parentPort!.postMessage({ id, readError: message(error) } satisfies ReadReply),
  );
});
