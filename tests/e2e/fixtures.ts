/**
 * Playwright fixtures: a persistent Chromium context with the built
 * extension loaded, its service worker and id, and a static HTTP server on
 * 127.0.0.1 serving the shared fixture pages and our own test pages.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { readStores } from './support';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(process.env.TERMLIGHT_OUT_DIR ?? join(ROOT, '.output'), 'chrome-mv3');
export const SHARED_PAGES = join(ROOT, '..', 'shared', 'fixtures', 'pages');
export const SEEDS_DIR = join(ROOT, '..', 'shared', 'seeds');

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.');
  }
}

/** Chromium flags that load an unpacked extension and keep the browser off the network. */
export function extensionLaunchArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/**
 * Tests talk only to servers they start on 127.0.0.1. The real fixture pages
 * still ask for their ads, fonts and scripts from the web: every other host
 * name fails at once here, instead of after a DNS timeout of seconds per
 * request where the machine has no network (which made a page's load take up
 * to 25 s), and nothing leaves the machine where it has one.
 */
export const LOCAL_HOSTS_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

/**
 * Chromium with the extension freshly installed. Termlight opens its welcome
 * page on install; it is closed here unless `keepWelcome`, so tests start
 * from a browser with no tab of ours open.
 */
export async function launchWithExtension(extensionDir = EXTENSION_DIR, { keepWelcome = false } = {}): Promise<BrowserContext> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [...extensionLaunchArgs(extensionDir), LOCAL_HOSTS_ONLY],
  });
  if (!keepWelcome) await (await welcomePageOf(context)).close();
  return context;
}

/** Whether `url` is the reader's welcome page, which Termlight opens once, on install. */
export const isWelcomeUrl = (url: string) => /^chrome-extension:\/\/[a-p]{32}\/reader\.html#\/welcome$/.test(url);

/** The welcome tab Termlight opens on install, once it is there. */
export async function welcomePageOf(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = context.pages().find((p) => isWelcomeUrl(p.url()));
    if (page) return page;
    if (Date.now() > deadline) throw new Error('Termlight opened no welcome page on install');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

interface WorkerFixtures {
  server: StaticServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer({
        '/shared/': SHARED_PAGES,
        '/pages/': join(ROOT, 'tests', 'e2e', 'pages'),
        '/seeds/': SEEDS_DIR,
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export const expect = test.expect;

/** Skips the calling test with a clear reason when ../shared is not beside the checkout. */
export function requireSharedPages(): void {
  test.skip(!existsSync(SHARED_PAGES), `Shared fixture pages not found at ${SHARED_PAGES}`);
}

/** Waits until the glossary is in IndexedDB (the background imports it on install). */
export async function waitForGlossary(serviceWorker: Worker): Promise<number> {
  for (let i = 0; i < 100; i++) {
    // Before the background has made the database, the read fails: not there yet.
    const count = await readStores(serviceWorker, [{ store: 'terms', op: 'count' }]).then(([n]) => n as number, () => 0);
    if (count > 0) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 0;
}
