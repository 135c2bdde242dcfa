/**
 * Puts the definition card on a page: a `<termlight-tooltip>` shadow host
 * (WXT `createShadowRootUi`, open mode) with the Preact card inside, driven
 * by the tooltip controller. The host is added to the document only when a
 * card first opens, at the end of <html> (outside <body>, so page scripts
 * that watch or rebuild the body do not see it), or inside the modal dialog,
 * popover or fullscreen element its term is in (utils/tooltip/top-layer.ts).
 *
 * This runs in the card's own file, loaded on the first hover, focus or tap
 * (utils/tooltip/tooltip-module.ts): it reaches the extension only through
 * the `services` the content script hands it.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TOOLTIP_TAG } from '../../utils/highlighter/skip-rules';
import type { Settings } from '../../utils/settings';
import { DEFAULT_TIMING } from '../../utils/tooltip/hover-intent';
import { createTermCache } from '../../utils/tooltip/term-cache';
import { topLayerAncestor } from '../../utils/tooltip/top-layer';
import { createTooltipController, type TooltipView } from '../../utils/tooltip/tooltip-controller';
import type { FirstContact, TooltipServices } from '../../utils/tooltip/tooltip-module';
import { TooltipCard } from './tooltip-card';
import css from './tooltip.css?inline';

/** `initial`: the settings as they were when the card loaded; `first`: the interaction that loaded it, if the user is still there. */
export async function mountTooltip(
  ctx: ContentScriptContext,
  initial: Settings,
  services: TooltipServices,
  first: FirstContact | null,
): Promise<void> {
  const { cannotHideTerm, readerUrl } = services;
  let settings = initial;
  const cache = createTermCache((id) => services.getTerm(id));
  const lifetime = new AbortController();
  ctx.onInvalidated(() => lifetime.abort());

  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: TOOLTIP_TAG,
    mode: 'open',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css,
    onMount(container) {
      container.className = 'root';
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  const host = ui.shadowHost;
  host.id = `termlight-tooltip-${Math.random().toString(36).slice(2, 10)}`;

  let card: HTMLDivElement | null = null;
  const cardRef = (el: HTMLDivElement | null) => {
    card = el;
  };
  const loadTerm = (id: string) => cache.get(id);
  const peekTerm = (id: string) => cache.peek(id);
  const onOpenReader = (id: string) => void services.openReader(id).catch(() => undefined);
  const onSelectTerm = (id: string, title: string) => controller.selectTerm(id, title);
  const onDescribe = (text: string) => controller.describe(text);
  const copyText = (text: string) => writeClipboard(text, ui.shadow);
  // Settings are shared by every context: the page session sees the change and takes the term's highlights away.
  // Called when the card's Undo time is up (close it) or as the card closes (it is closing already).
  const onHideTerm = (id: string) => {
    if (current) controller.close();
    // The card asked cannotHideTerm first; a write that fails now (another tab filled the settings meanwhile) has no card left to tell.
    void services.setTermHidden(id, true).catch(() => undefined);
  };

  let current: TooltipView | null = null;
  function draw(view: TooltipView | null): void {
    // A definition the user opened counts as a look-up for the reader's history.
    if (view && view.termId !== current?.termId) void services.recordLookup(view.termId).catch(() => undefined);
    current = view;
    render(
      view ? (
        <TooltipCard
          termId={view.termId}
          fallbackTitle={view.fallbackTitle}
          theme={settings.theme}
          dir={getComputedStyle(view.anchor).direction === 'rtl' ? 'rtl' : 'ltr'}
          loadTerm={loadTerm}
          peekTerm={peekTerm}
          readerUrl={readerUrl}
          onOpenReader={onOpenReader}
          onSelectTerm={onSelectTerm}
          onDescribe={onDescribe}
          copyText={copyText}
          onHideTerm={onHideTerm}
          checkHide={cannotHideTerm}
          cardRef={cardRef}
        />
      ) : null,
      ui.uiContainer,
    );
  }

  const controller = createTooltipController({
    doc: document,
    host,
    shadow: ui.shadow,
    ensureMounted(anchor) {
      if (!host.isConnected) ui.mount();
      // Inside a modal dialog, popover or fullscreen element, the card must be in it to show and be usable.
      const parent = topLayerAncestor(anchor) ?? document.documentElement;
      if (host.parentNode !== parent) parent.append(host);
    },
    render: draw,
    card: () => (current ? card : null),
    timing: () => ({ ...DEFAULT_TIMING, openDelayMs: settings.hoverDelayMs }),
    prefetch: (id) => void cache.get(id).catch(() => undefined),
    signal: lifetime.signal,
  });

  const unwatch = services.watchSettings((next) => {
    settings = next;
    controller.refresh();
  });
  // Definitions are cached per page; a feed sync or an import makes them stale.
  const unwatchGlossary = services.watchGlossaryRevision(() => cache.clear());
  ctx.onInvalidated(() => {
    for (const dispose of [unwatch, unwatchGlossary]) {
      try {
        dispose();
      } catch {
        // The extension is gone (reloaded or updated): its APIs throw, nothing is left to remove.
      }
    }
  });
  if (first) controller.enter(first);
}

/**
 * Copies text after a click in the card. The async Clipboard API needs a
 * secure context; on plain-http pages fall back to a selection copy inside
 * our shadow root (the page never sees the text area).
 */
async function writeClipboard(text: string, shadow: ShadowRoot): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission or focus trouble: try the fallback.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none;';
  shadow.append(area);
  const previous = shadow.activeElement as HTMLElement | null;
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  previous?.focus({ preventScroll: true });
  if (!ok) throw new Error('copy refused');
}
