// The worker thread of src/data/body-thread.ts: reads a letter's file and renders its body with
// the site's one Markdown pipeline (renderBody), for the build's own thread to lay out. Node runs
// this file as it stands (type stripping), so it and what it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { markdownBody } from '../lib/body/frontmatter.ts';
import { readLetterText } from './files/letter-text.ts';
import { renderBody } from './letter-body.ts';
import type { BodyReply, BodyRequest } from './body-thread.ts';

parentPort!.on('message', ({ id, path }: BodyRequest) => {
  readLetterText(path)
    .then((text) => renderBody(markdownBody(text)))
    .then(
      (body) => parentPort!.postMessage({ id, body } satisfies BodyReply),
      (error: unknown) =>
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies BodyReply),
    );
});
