import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure modules, with WXT's fake browser (storage, runtime) and
// fake-indexeddb where a test needs them.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    restoreMocks: true,
  },
});
