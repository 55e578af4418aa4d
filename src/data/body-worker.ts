// The worker thread of src/data/body-thread.ts: reads a letter's file and renders its body with
// the site's one Markdown pipeline (renderBody), for the build's own thread to lay out. Node runs
// this file as it stands (type stripping), so it and what it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { markdownBody } from '../lib/body/frontmatter.ts';
import { readLetterText } from './files/letter-text.ts';
import { bodyRenderer, renderBody } from './letter-body.ts';
import type { BodyReply, BodyRequest } from './body-thread.ts';

// Made now, before the first request (body-thread.ts starts this worker ahead of the pages); a
// failure shows again when a body is rendered.
bodyRenderer().catch(() => undefined);

parentPort!.on('message', ({ id, path }: BodyRequest) => {
  readLetterText(path)
    .then((text) => renderBody(markdownBody(text)))
    .then(
      (body) => parentPort!.postMessage({ id, body } satisfies BodyReply),
      (error: unknown) =>
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies BodyReply),
    );
});
