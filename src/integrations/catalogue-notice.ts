// The build's line on the catalogue (src/data/files/catalogue-source.ts): which one it reads
// when the content folder has none of its own, or, for a folder that is missing or holds part of
// a catalogue, the one line that says what to do, before any page is built.
import type { AstroIntegration } from 'astro';
import { CorpusSetupError } from '../data/files/catalogue-source.ts';
import { corpusCatalogue } from '../data/files/content-dir.ts';

export function catalogueNotice(): AstroIntegration {
  return {
    name: 'imr-catalogue',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        let source;
        try {
          source = corpusCatalogue();
        } catch (error) {
          if (!(error instanceof CorpusSetupError)) throw error;
          // One line, as check and import say it; Astro would add a stack trace to a thrown error.
          logger.error(error.message);
          process.exit(1);
        }
        if (source.notice) logger.info(source.notice);
      },
    },
  };
}
