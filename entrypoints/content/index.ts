import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { isWantedFrame } from '../../utils/content/frame-policy';
import { prepareTooltip } from '../../utils/content/lazy-tooltip';
import { startPageSession } from '../../utils/content/page-session';
import { tooltipServices } from '../../utils/content/tooltip-services';
import { getSettings } from '../../utils/settings';
import { loadTooltipModule } from '../../utils/tooltip/tooltip-module';
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
    // The card's watcher starts with the first highlight, and its code loads on the first hover, focus or tap.
    const onFirstHighlight = () =>
      prepareTooltip(ctx, {
        load: () => loadTooltipModule(browser.runtime.getURL('/tooltip-card.js')),
        services: tooltipServices(),
        getSettings,
        report,
      });
    startPageSession(session, { shadowCss: highlightCss, onFirstHighlight }).catch(report);
    // Chrome does not tell an orphaned content script (extension reloaded or
    // updated) that it is orphaned; WXT notices when the context is checked.
    // A cheap check every second lets onInvalidated take our highlights away.
    ctx.setInterval(() => undefined, 1000);
  },
});
