import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3, made by
// `npm run build`) into Debian's Chromium; see tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
