/**
 * Termlight's life on one page: fetch the compiled matcher from the
 * background, highlight, follow page changes, and follow settings (site
 * switch, sets, highlight mode) without a reload. Everything it starts is
 * stopped when the content script is invalidated (extension update/reload).
 */
import { PageHighlighter } from '../highlighter/page-highlighter';
import { MutationWatcher } from '../highlighter/mutation-watcher';
import { watchGlossaryRevision } from '../glossary/revision-signal';
import { pageMessaging, sendMessage } from '../messaging/protocol';
import { getSettings, isSiteEnabled, watchSettings, type Settings } from '../settings';

export interface PageSessionContext {
  onInvalidated(callback: () => void): void;
}

export interface PageSessionOptions {
  /** The highlight stylesheet, for the shadow roots of web components (the document gets it from the manifest). */
  shadowCss?: string;
}

/** Settings whose change needs a new matcher or a fresh pass over the page. */
function scanKey(s: Settings): string {
  return JSON.stringify([s.disabledSets, s.includeAmbiguous, s.highlightMode, s.focusableHighlights, s.scanBudgetMs]);
}

export async function startPageSession(
  ctx: PageSessionContext,
  options: PageSessionOptions = {},
  doc: Document = document,
): Promise<void> {
  const hostname = doc.location.hostname;
  let settings = await getSettings();
  let highlighter: PageHighlighter | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let generation = 0;

  const watcher = new MutationWatcher(doc.body, {
    onChanged: (roots) => {
      const current = highlighter;
      if (!current) return;
      queue = queue.then(async () => {
        for (const root of roots) if (root.isConnected && highlighter === current) await current.scan(root);
      });
    },
  });

  async function start(): Promise<void> {
    const myGeneration = ++generation;
    const { matcher } = await sendMessage('getMatcher');
    if (myGeneration !== generation) return; // stopped or restarted meanwhile
    const next = new PageHighlighter(doc, {
      matcher,
      mode: settings.highlightMode,
      focusable: settings.focusableHighlights,
      shadowCss: options.shadowCss,
      workBudgetMs: settings.scanBudgetMs,
      onWrite: (created) => {
        for (const mark of created) watcher.track(mark);
        watcher.ignoreOwnChanges();
      },
    });
    highlighter = next;
    watcher.start();
    queue = queue.then(() => next.scan());
    await queue;
  }

  function stop(): void {
    generation++;
    watcher.stop();
    highlighter?.clear();
    highlighter = undefined;
  }

  const unwatch = watchSettings((next) => {
    const previous = settings;
    settings = next;
    const wasOn = isSiteEnabled(previous, hostname);
    const isOn = isSiteEnabled(next, hostname);
    if (!isOn) stop();
    else if (!wasOn || scanKey(previous) !== scanKey(next)) {
      stop();
      void start();
    }
  });

  // The glossary changed (a feed synced or was removed): new matcher, fresh pass.
  const unwatchGlossary = watchGlossaryRevision(() => {
    if (!isSiteEnabled(settings, hostname)) return;
    stop();
    void start();
  });

  const removeTermsListener = pageMessaging.onMessage('getPageTerms', () => highlighter?.foundTerms() ?? []);
  const removeInfoListener = pageMessaging.onMessage('getPageInfo', () => ({
    hostname,
    partial: highlighter?.budgetExceeded ?? false,
  }));
  const removeRevealListener = pageMessaging.onMessage('revealTerm', ({ data: termId }) => {
    const mark = highlighter?.marks().find((m) => m.dataset.termId === termId);
    if (!mark) return false;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.animate?.([{ outlineColor: 'transparent' }, { outline: '3px solid #f5b400' }, { outlineColor: 'transparent' }], {
      duration: 1200,
    });
    return true;
  });

  ctx.onInvalidated(() => {
    unwatch();
    unwatchGlossary();
    removeTermsListener();
    removeRevealListener();
    removeInfoListener();
    stop();
  });

  if (isSiteEnabled(settings, hostname)) await start();
}
