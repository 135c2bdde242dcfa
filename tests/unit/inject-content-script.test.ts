import { describe, expect, it } from 'vitest';
import { injectContentScripts, type InjectionTarget, type ScriptingApi } from '../../utils/content/inject-content-script';

const DECLARED = [{ js: ['content-scripts/content.js'], css: ['content-scripts/content.css'], all_frames: true }];

/** A fake `scripting` API that records calls in order; `refuse` makes it throw as Chrome does on its own pages. */
function fakeScripting(refuse = false) {
  const calls: string[] = [];
  const record = (kind: string) => async ({ tabId, allFrames }: InjectionTarget, files: string[]) => {
    if (refuse) throw new Error('Cannot access a chrome:// URL');
    calls.push(`${kind} ${tabId} ${allFrames ? 'all frames' : 'top'} ${files.join()}`);
  };
  const api: ScriptingApi = { insertCss: record('css'), executeScript: record('js') };
  return { api, calls };
}

describe('starting Termlight in an open tab', () => {
  it('injects the styles before the script, in every frame as the manifest says', async () => {
    const { api, calls } = fakeScripting();
    expect(await injectContentScripts(api, 7, DECLARED)).toBe(true);
    expect(calls).toEqual(['css 7 all frames content-scripts/content.css', 'js 7 all frames content-scripts/content.js']);
  });

  it('says no, without throwing, where the browser refuses or nothing is declared', async () => {
    expect(await injectContentScripts(fakeScripting(true).api, 7, DECLARED)).toBe(false);
    const { api, calls } = fakeScripting();
    expect(await injectContentScripts(api, 7, [{ css: ['only.css'] }])).toBe(false);
    expect(calls).toEqual([]);
  });
});
