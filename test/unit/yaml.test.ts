// The one YAML reader and writer (src/lib/files/yaml.ts): what it quotes, what it never writes,
// and the bound on aliases it keeps for letters and the catalogue alike.
import { describe, expect, test } from 'vitest';
import { parseYaml, stringifyYaml } from '../../src/lib/files/yaml.ts';

describe('stringifyYaml', () => {
  test('quotes every string a YAML 1.1 or 1.2 reader would take for a date, a boolean, a null or a number', () => {
    const ambiguous = ['2016-11-09', 'yes', 'No', 'off', 'y', 'null', '~', 'true', '48', '1_000', '+.5', '0x_1f', '1:20', '.inf', '.'];
    const text = stringifyYaml({ values: ambiguous });
    expect(text.split('\n').slice(1, -1)).toEqual(ambiguous.map((v) => `  - ${JSON.stringify(v)}`));
    expect(parseYaml(text, 'a letter')).toEqual({ values: ambiguous });
  });

  test('writes plain words unquoted and a sentence with ": " in double quotes, on one line however long', () => {
    const text = `Decision based on MTUS Chronic Pain, Section(s): Opioids${', and more'.repeat(30)}.`;
    expect(stringifyYaml({ request: 'MRI of the right shoulder', text })).toBe(
      `request: MRI of the right shoulder\ntext: ${JSON.stringify(text)}\n`,
    );
  });

  test('writes a sha256 that only starts like a binary number unquoted, as the importer always has', () => {
    const sha256 = '0be832f012f3cd55a3906f25da46ea36cce4293d57ffb3972f3174946e14a9a5';
    expect(stringifyYaml({ sha256 })).toBe(`sha256: ${sha256}\n`);
  });

  test('writes a value that stands twice in full both times, never as an alias', () => {
    const item = { request: 'MRI', outcome: 'upheld' };
    const text = stringifyYaml({ items: [item, item] });
    expect(text).not.toMatch(/[&*]/);
    expect(parseYaml(text, 'a letter')).toEqual({ items: [item, item] });
  });
});

describe('parseYaml', () => {
  test('keeps an unquoted date as its text', () => {
    expect(parseYaml('decided: 2016-02-30\n', 'a letter')).toEqual({ decided: '2016-02-30' });
  });

  test('stops nested aliases at 100 expansions, naming what kind of file needs none', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => parseYaml(lines.join('\n'), 'a catalogue file')).toThrow(
      'more than 100 YAML alias expansions (a catalogue file needs none)',
    );
  });

  test('reads an empty text as null', () => {
    expect(parseYaml('', 'a catalogue file')).toBeNull();
  });
});
