// `npm run lint` = this linter + `prettier --check`. Recommended rule sets of ESLint, typescript-eslint
// and eslint-plugin-astro (syntax-based: the type-aware rules would type-check the project twice;
// `npm run typecheck` does that once), plus the house limits below.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'content/', 'test/fixtures/', 'test/.output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A function longer than a screen or two is doing more than one job.
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true, IIFEs: true }],
      // `_name` marks a value left unused on purpose (a destructured field dropped, a callback's index).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      // Letters arrive with control characters (form feeds, vertical tabs, ESC in file names) that the
      // importer, check and the terminal escaping find on purpose, with regexes that name them.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tests: a describe() block groups many tests, so it is not a function that does one job.
    files: ['test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
