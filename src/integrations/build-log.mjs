// Astro's log (astro.config.mjs `logger`) with its line per page folded away: a build of 100,000
// letters printed over 100,000 lines ("├─ /determinations/CM16-0213037/index.html (+12ms)", or
// "(cached)" for a page kept from the last build), burying everything else. Here they become a
// progress line every few seconds and one summary: "115042 pages: 1311 rendered, 113731 kept from
// the last build". Every other message, errors and warnings first, passes through unchanged.
// A JavaScript file: Astro imports the logger entrypoint itself, without TypeScript.
import nodeLog from 'astro/logger/node';

/** Milliseconds between progress lines while pages are written. */
const PROGRESS_EVERY = 5000;
/** The colour codes Astro's messages carry. */
const COLOURS = /\x1b\[[0-9;]*m/g;
const plain = (message) => String(message).replace(COLOURS, '');

/**
 * A log destination that counts Astro's page lines and passes the rest to `out`.
 * @param {{ write(event: { level: string; label: string | null; message: string; newLine: boolean }): void }} out
 * @param {() => number} now
 */
export function foldPageLines(out, now = () => performance.now()) {
  let pages = 0;
  let kept = 0;
  let lastProgress = 0;
  const info = (message) => out.write({ level: 'info', label: 'build', message, newLine: true });
  return {
    write(event) {
      const message = plain(event.message);
      // A page: "  ├─ /path/index.html" (no newline), then, maybe after other pages' lines when
      // pages render concurrently, " (cached)", " (restored)" or its render time " (+12ms) ".
      if (event.label === null && /^\s*[├└]─ /.test(message)) {
        if (++pages === 1) lastProgress = now();
        else if (now() - lastProgress >= PROGRESS_EVERY) {
          info(`${pages} pages so far, ${kept} kept from the last build`);
          lastProgress = now();
        }
        return;
      }
      if (event.label === 'SKIP_FORMAT' && /^\s*\((cached|restored)\)\s*$/.test(message)) {
        kept++;
        return;
      }
      if (event.label === 'SKIP_FORMAT' && /^\s*\(\+[\d.ms ]+\)\s*$/.test(message)) return;
      // Astro's "✓ Completed in 12.3s." closes the page list.
      if (pages > 0 && event.label === null && message.includes('Completed in')) {
        info(`${pages} pages: ${pages - kept} rendered, ${kept} kept from the last build`);
        pages = kept = 0;
      }
      out.write(event);
    },
  };
}

export default function buildLog(config) {
  return foldPageLines(nodeLog(config));
}
