import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '../../utils/content/page-session';
import './highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx).catch((error) => {
      // An invalidated context (extension reloaded) is expected; anything else is ours to see.
      if (!ctx.isInvalid) console.warn('Termlight could not start on this page:', error);
    });
  },
});
