// Astro's log (astro.config.mjs `logger`) with its line per written file folded into a progress
// line every few seconds and one summary naming what it counts ("115042 files: 113500 pages, ...;
// 1311 rendered, 113731 kept from the last build"); Astro's closing "N page(s) built in T" becomes
// "built in T", its count being the summary's. Every other message passes through unchanged.
// A JavaScript file: Astro imports the logger entrypoint itself, without TypeScript.
import nodeLog from 'astro/logger/node';

/** Milliseconds between progress lines while pages are written. */
const PROGRESS_EVERY = 5000;
/** The colour codes Astro's messages carry. */
const COLOURS = /\x1b\[[0-9;]*m/g;
const plain = (message) => String(message).replace(COLOURS, '');
/** Astro's line for one file it writes, "  ├─ /determinations/CM16-0213037/index.html". */
const FILE_LINE = /^\s*[├└]─ (.*\S)\s*$/;

/**
 * A log destination that counts Astro's page lines and passes the rest to `out`.
 * @param {{ write(event: { level: string; label: string | null; message: string; newLine: boolean }): void }} out
 * @param {() => number} now
 */
export function foldPageLines(out, now = () => performance.now()) {
  let files = 0;
  let kept = 0;
  /** Files by kind: HTML pages, feeds (.xml), the rest (search data, robots.txt, catalogue JSON). */
  let pages = 0;
  let feeds = 0;
  let lastPages = -1;
  let lastProgress = 0;
  const info = (message) => out.write({ level: 'info', label: 'build', message, newLine: true });
  return {
    write(event) {
      const message = plain(event.message);
      // A file: "  ├─ /path/index.html" (no newline), then, maybe after other files' lines when
      // pages render concurrently, " (cached)", " (restored)" or its render time " (+12ms) ".
      const file = event.label === null ? FILE_LINE.exec(message) : null;
      if (file) {
        if (file[1].endsWith('.html')) pages++;
        else if (file[1].endsWith('.xml')) feeds++;
        if (++files === 1) lastProgress = now();
        else if (now() - lastProgress >= PROGRESS_EVERY) {
          info(`${files} files so far, ${kept} kept from the last build`);
          lastProgress = now();
        }
        return;
      }
      if (event.label === 'SKIP_FORMAT' && /^\s*\((cached|restored)\)\s*$/.test(message)) {
        kept++;
        return;
      }
      if (event.label === 'SKIP_FORMAT' && /^\s*\(\+[\d.ms ]+\)\s*$/.test(message)) return;
      // Astro's "✓ Completed in 12.3s." closes the file list.
      if (files > 0 && event.label === null && message.includes('Completed in')) {
        const data = files - pages - feeds;
        info(
          `${files} files: ${pages} pages, ${feeds} feeds and ${data} data files; ${files - kept} rendered, ${kept} kept from the last build`,
        );
        lastPages = pages;
        files = kept = pages = feeds = 0;
      }
      // Astro's closing "771 page(s) built in 5.33s" counts the HTML pages the summary gave.
      const closing = event.label === 'build' ? /^(\d+) page\(s\) built in (.*)$/.exec(message) : null;
      if (closing && Number(closing[1]) === lastPages) {
        out.write({ ...event, message: `built in ${closing[2]}` });
        return;
      }
      out.write(event);
    },
  };
}

export default function buildLog(config) {
  return foldPageLines(nodeLog(config));
}
