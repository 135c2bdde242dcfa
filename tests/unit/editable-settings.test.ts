// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEditableSettings, type EditableSettings } from '../../components/shared/use-editable-settings';

// Preact runs effects after paint, then re-renders on a microtask.
const flush = () => new Promise((resolve) => setTimeout(resolve, 40));

let container: HTMLElement;
let page: EditableSettings;
/** Lets held storage writes go (see `holdWrites`). */
let releaseWrites = () => {};

/** A page that shows the theme and the sites list, as the options page's controls would. */
function Page() {
  page = useEditableSettings();
  return h('p', null, page.settings ? `${page.settings.theme} ${page.settings.disabledSites.join(',')}` : 'loading');
}

beforeEach(async () => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  render(h(Page, null), container);
  await flush();
});
afterEach(() => {
  releaseWrites(); // a test that failed while holding writes must not hold up the next one's
  render(null, container);
  container.remove();
});

/** Holds every storage.sync write until `release` is called. */
function holdWrites(): () => void {
  const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  releaseWrites = release;
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items) => {
    await held;
    return set(items);
  });
  return release;
}

describe('settings on a page that changes them', () => {
  it('show a change at once, before storage has it, and keep it once saved', async () => {
    expect(container.textContent).toBe('system ');
    const release = holdWrites();
    const saved = page.update({ theme: 'dark' });
    await flush();
    expect(container.textContent).toBe('dark '); // the select does not spring back while the write is under way
    release();
    expect(await saved).toBe(true);
    await flush();
    expect(container.textContent).toBe('dark ');
    expect(((await fakeBrowser.storage.sync.get('settings')).settings as { theme: string }).theme).toBe('dark');
  });

  it('take back a change that cannot be saved, and say why', async () => {
    const tooMany = Array.from({ length: 5000 }, (_, i) => `a-long-synthetic-site-name-${i}.example.com`);
    expect(await page.update({ disabledSites: tooMany })).toBe(false);
    await flush();
    expect(container.textContent).toBe('system ');
    expect(page.saveError).toMatch(/^Settings not saved/);
  });

  it('apply list changes to the list as stored, and follow changes made elsewhere', async () => {
    await page.update((current) => ({ disabledSites: [...current.disabledSites, 'a.com'] }));
    // Another context (the popup) adds a site; the watch brings it here.
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    await fakeBrowser.storage.sync.set({ settings: { ...stored, disabledSites: ['a.com', 'b.com'] } });
    await flush();
    expect(container.textContent).toBe('system a.com,b.com');
    await page.update((current) => ({ disabledSites: current.disabledSites.filter((s) => s !== 'a.com') }));
    await flush();
    expect(container.textContent).toBe('system b.com');
  });
});
