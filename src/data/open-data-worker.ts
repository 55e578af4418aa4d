// The worker thread of the open-data stage (src/data/open-data.ts): takes the job and the parts of
// the corpus from the build's thread and writes the open data files, data/index.json and the
// search index's input (SEARCH_DATA_DIR) into the build's output folder, or, without one (astro
// dev), only counts them (open-data-files.ts). Node runs this file as it stands (type stripping),
// so it and what it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { serveOpenData } from './open-data-files.ts';

void serveOpenData(parentPort!);
