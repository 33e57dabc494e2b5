// ESLint (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules plus the
// type-aware ones that catch what an extension host hides best: a promise nobody awaits or handles
// fails silently there.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.vscode-test/**', 'node_modules/**', 'test-results/**', 'model/ner-model.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The sidecar format, its escapes and the exporters match control characters on purpose.
      'no-control-regex': 'off',
      // `cond ? a() : b()` and `x && f()` as statements are used deliberately in a few hot loops.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  // Scripts, benchmarks and the test host run in Node.
  { files: ['**/*.mjs', 'scripts/**', 'bench/**', 'test/host/**'], languageOptions: { globals: { ...globals.node } } },
  // The bench measures a fresh evaluation of the bundle, which needs require's cache.
  { files: ['test/bench/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Emoji modifiers listed one by one in a `u`-flag class are meant as single code points.
  { files: ['src/core/export/tokenize.ts'], rules: { 'no-misleading-character-class': 'off' } },
);
