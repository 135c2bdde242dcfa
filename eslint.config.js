import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The background is a service worker: no document, no window (they do not exist there).
    files: ['entrypoints/background.ts', 'utils/background/**', 'utils/db/**'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
    },
  },
);
