// Which catalogue a content folder is read with: its own, the bundled one when it has none, and a
// one-line error naming absolute paths and what to do when it is missing or holds part of one.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundledCatalogueNotice, catalogueSource, CorpusSetupError } from '../../src/data/files/catalogue-source.ts';

const bundled = join(import.meta.dirname, '../../content');
const work = mkdtempSync(join(tmpdir(), 'imr-catalogue-source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, ...parts: string[]): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const part of parts) cpSync(join(bundled, part), join(dir, part), { recursive: true });
  return dir;
}

describe('the catalogue a content folder is read with', () => {
  test('is the folder’s own when it holds all four parts', () => {
    const dir = folder('own', 'guidelines', 'treatments.yml', 'body-regions.yml', 'synonyms.yml');
    expect(catalogueSource(dir, bundled)).toEqual({ dir, bundled: false });
  });

  test('is the bundled one when the folder has none, as a new, empty folder or one of letters only', () => {
    const empty = folder('empty');
    expect(catalogueSource(empty, bundled)).toEqual({ dir: bundled, bundled: true });
    const letters = folder('letters');
    mkdirSync(join(letters, 'determinations'));
    writeFileSync(join(letters, 'notes.txt'), 'not a part of the catalogue');
    expect(catalogueSource(letters, bundled)).toEqual({ dir: bundled, bundled: true });
    expect(bundledCatalogueNotice(empty, bundled, `${empty} (CORPUS_DIR)`)).toBe(
      `catalogue: ${empty} (CORPUS_DIR) has none, so the bundled one is used (${bundled}: guidelines/, treatments.yml, body-regions.yml, synonyms.yml); copy those into ${empty} to keep a catalogue of your own`,
    );
  });

  test('is the bundled folder’s own for the bundled folder', () => {
    expect(catalogueSource(bundled, bundled)).toEqual({ dir: bundled, bundled: false });
  });

  test('refuses part of a catalogue in one line naming what is missing, with the command that copies it', () => {
    const dir = folder('half', 'treatments.yml', 'guidelines');
    expect(() => catalogueSource(dir, bundled, `${dir} (CORPUS_DIR)`)).toThrow(
      new CorpusSetupError(
        `${dir} (CORPUS_DIR) has part of a catalogue (guidelines/, treatments.yml) but no body-regions.yml, synonyms.yml: ` +
          `copy them from the bundled catalogue (cp -r ${bundled}/body-regions.yml ${bundled}/synonyms.yml ${dir}/), ` +
          `or remove guidelines/, treatments.yml from ${dir} to use the bundled catalogue`,
      ),
    );
  });

  test('refuses a folder that does not exist, naming its absolute path and how to create it', () => {
    const dir = join(work, 'typo');
    expect(() => catalogueSource(dir, bundled, `${dir} (CORPUS_DIR)`)).toThrow(
      new CorpusSetupError(
        `${dir} (CORPUS_DIR): no such folder: create it (mkdir -p ${dir}) and import letters into it, or correct CORPUS_DIR`,
      ),
    );
    writeFileSync(dir, 'a file, not a folder');
    expect(() => catalogueSource(dir, bundled)).toThrow(/no such folder/);
  });
});
