import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileBundledGlossary } from './utils/glossary/compile-bundled';
import { readBundledSources } from './data/tools/read-sources';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can see where every name comes from.
  imports: false,
  // Parallel work (and tests of special builds) can build elsewhere; e2e reads the same variable.
  outDir: process.env.TERMLIGHT_OUT_DIR ?? '.output',
  // `npm run zip:firefox` also packs the sources addons.mozilla.org asks for: the repository as
  // committed, not local run output (WXT already leaves out node_modules, .output and dotfiles).
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**'] },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Termlight',
    description: 'Plain-English definitions of trading and markets jargon, right on the page.',
    // storage: settings (wxt/storage). alarms: scheduled feed sync. contextMenus: "Look up
    // in Termlight" on selected text. activeTab + scripting (Chrome): the popup starts
    // Termlight in a tab opened before install or orphaned by an update.
    // The definition card's code, loaded by the content script on the first hover of a highlight
    // (utils/tooltip/tooltip-module.ts). Chrome gives it a per-session address, so pages cannot probe for it.
    web_accessible_resources: [{ resources: ['tooltip-card.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    permissions: ['storage', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['activeTab', 'scripting'])],
    // Feeds are subscribed one origin at a time; the user grants each when subscribing.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Alt+Shift+G opens the popup (users can change it); MV2 (the Firefox build) calls the action a browser action.
    commands: { [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+G' } } },
    ...(browser === 'firefox'
      ? {
          // Firefox MV2 has no optional_host_permissions (WXT drops it): hosts go in optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.dev',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The glossary in data/sets/ is compiled and checked at build time; a bad
    // file fails the build with the file, the term and the field.
    'build:publicAssets': (_wxt, files) => {
      const glossary = compileBundledGlossary(readBundledSources());
      files.push({ relativeDest: 'glossary.json', contents: JSON.stringify(glossary) });
    },
  },
});
