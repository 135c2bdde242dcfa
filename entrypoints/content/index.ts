import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountTooltip } from '../../components/tooltip/mount-tooltip';
import { isWantedFrame } from '../../utils/content/frame-policy';
import { startPageSession } from '../../utils/content/page-session';
import type { Settings } from '../../utils/settings';
import './highlight.css';
import highlightCss from './highlight.css?inline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    if (!isWantedFrame()) return;
    // An invalidated context (extension reloaded) is expected; anything else is ours to see.
    const report = (error: unknown) => {
      if (!ctx.isInvalid) console.warn('Termlight could not start on this page:', error);
    };
    const session = {
      onInvalidated: (callback: () => void) => ctx.onInvalidated(callback),
      onNavigate: (callback: (next: URL, previous: URL) => void) =>
        ctx.addEventListener(window, 'wxt:locationchange', (event) => callback(event.newUrl, event.oldUrl)),
    };
    // The card starts with the first highlight: a page without terms (or where Termlight is off) never sets it up.
    const onFirstHighlight = (settings: Settings) => void mountTooltip(ctx, settings).catch(report);
    startPageSession(session, { shadowCss: highlightCss, onFirstHighlight }).catch(report);
    // Chrome does not tell an orphaned content script (extension reloaded or
    // updated) that it is orphaned; WXT notices when the context is checked.
    // A cheap check every second lets onInvalidated take our highlights away.
    ctx.setInterval(() => undefined, 1000);
  },
});
