import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Import boundaries (bulletproof-react): shared code (components, lib, locales) imports no
// feature and not the app; a feature imports shared code, never another feature, by the alias or
// by a relative path. Every folder of src/features is a zone: a new feature is covered at once.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureBoundaries = features.map((feature) => {
  const others = features.filter((other) => other !== feature).join('|');
  return {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@/app(/|$)', message: 'Features do not import the app.' },
            { regex: '^(\\.\\./)+app(/|$)', message: 'Features do not import the app.' },
            {
              regex: `^(@/features/|(\\.\\./)+(features/)?)(${others})(/|$)`,
              message: 'Features never import each other; move shared code to lib/ or components/.',
            },
          ],
        },
      ],
      // the same boundaries for a lazy import(): a page loaded on demand is an import too
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^(@\\/|(\\.\\.\\/)+)app(\\/|$)/]',
          message: 'Features do not import the app, not even lazily.',
        },
        {
          selector: `ImportExpression[source.value=/^(@\\/features\\/|(\\.\\.\\/)+(features\\/)?)(${others})(\\/|$)/]`,
          message: 'Features never import each other, not even lazily.',
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'src/lib/api/schema.d.ts',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)(features|app)(/|$)',
              message: 'Shared code imports no feature and not the app.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^(@\\/|(\\.\\.\\/)+)(features|app)(\\/|$)/]',
          message: 'Shared code imports no feature and not the app, not even lazily.',
        },
      ],
    },
  },
  ...featureBoundaries,
);
