import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountTooltip } from '../../components/tooltip/mount-tooltip';
import { startPageSession } from '../../utils/content/page-session';
import './highlight.css';
import highlightCss from './highlight.css?inline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // An invalidated context (extension reloaded) is expected; anything else is ours to see.
    const report = (error: unknown) => {
      if (!ctx.isInvalid) console.warn('Termlight could not start on this page:', error);
    };
    startPageSession(ctx, { shadowCss: highlightCss }).catch(report);
    mountTooltip(ctx).catch(report);
  },
});
