// Times what a determination page does with its body, over the letters of a content folder:
//   node --import tsx scripts/dev/time-body.ts [content dir] [--rounds N]
// Per letter: parsing and cutting the Markdown (cutBody), the whole page-time work (renderBody:
// cut, then render each part), and for scale one render of the whole body in a single call.
// Each round times every letter once; prints the median and the best round in ms per letter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderBody } from '../../src/data/letter-body.ts';
import { cutBody } from '../../src/lib/body/cut-body.ts';
import { markdownBody } from '../../src/lib/body/frontmatter.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../../src/lib/body/letter-markdown.ts';
import { positiveWhole } from '../lib/positive-whole.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string' } } });
const rounds = positiveWhole(values.rounds, '--rounds') ?? 20;
const folder = join(positionals[0] ?? 'content', 'determinations');
const bodies = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((f) => markdownBody(readFileSync(join(folder, f), 'utf8')).trim());
const renderer = await letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);

const steps: Record<string, (body: string) => unknown> = {
  'parse + cut (cutBody)': cutBody,
  'page body (renderBody: cut + render parts)': renderBody,
  'one render of the whole body': (body) => renderer.render(body),
};
const times = new Map<string, number[]>(Object.keys(steps).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, step] of Object.entries(steps)) {
    const start = performance.now();
    for (const body of bodies) await step(body);
    times.get(name)!.push((performance.now() - start) / bodies.length);
  }
}
console.log(`${bodies.length} letters × ${rounds} rounds, ms per letter (median, best round):`);
for (const [name, ms] of times) {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`  ${name.padEnd(44)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}  ${sorted[0]!.toFixed(3)}`);
}
