// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDE_UNDO_MS, TooltipCard, type TooltipCardProps } from '../../components/tooltip/tooltip-card';
import type { TermView } from '../../utils/messaging/protocol';

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1"> see <a href="javascript:globalThis.__pwned=2">here</a>';

const view = (patch: Partial<TermView> = {}): TermView => ({
  id: 'basis',
  term: 'Basis',
  aliases: [],
  abbreviations: [],
  summary: 'The gap between a futures price and the spot price.',
  body: '',
  sets: ['derivatives-basics'],
  related: [],
  setTitles: ['Derivatives Basics'],
  relatedTerms: [],
  ...patch,
});

// Preact runs effects after paint (requestAnimationFrame), then re-renders on a microtask.
// Preact runs effects (the card's loadTerm) after a paint, or after its 100 ms fallback timer when no frame comes,
// as on a loaded machine: wait past that timer, so the timers' order, not the machine's speed, decides.
const flush = () => new Promise((r) => setTimeout(r, 150));
let container: HTMLElement;

function mount(props: Partial<TooltipCardProps> & Pick<TooltipCardProps, 'loadTerm'>) {
  container = document.createElement('div');
  document.body.append(container);
  const cache = new Map<string, TermView | null>();
  const all: TooltipCardProps = {
    termId: 'basis',
    fallbackTitle: 'basis',
    theme: 'system',
    dir: 'ltr',
    peekTerm: (id) => cache.get(id),
    readerUrl: (id) => `chrome-extension://abc/reader.html#/term/${id}`,
    onOpenReader: vi.fn(),
    onSelectTerm: vi.fn(),
    onDescribe: vi.fn(),
    copyText: vi.fn(async () => undefined),
    onHideTerm: vi.fn(),
    checkHide: vi.fn(async () => null),
    cardRef: { current: null },
    ...props,
  };
  render(h(TooltipCard, all), container);
  return all;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('tooltip card', () => {
  it('renders at once with the highlighted text and a loading line, then fills in', async () => {
    let resolve!: (t: TermView) => void;
    const props = mount({ loadTerm: () => new Promise((r) => (resolve = r)), fallbackTitle: 'basis' });
    expect(container.querySelector('.title')?.textContent).toBe('basis');
    expect(container.querySelector('.status')?.textContent).toContain('Loading');
    await flush();
    expect(container.querySelector('.status')?.textContent).toContain('Loading');
    resolve(view());
    await flush();
    expect(container.querySelector('.title')?.textContent).toBe('Basis');
    expect(container.querySelector('.sets')?.textContent).toBe('Derivatives Basics');
    expect(container.querySelector('.summary')?.textContent).toBe('The gap between a futures price and the spot price.');
    expect(props.onDescribe).toHaveBeenCalledWith('Basis: The gap between a futures price and the spot price.');
  });

  it('shows at most three related terms, each as a button that opens its card', async () => {
    const relatedTerms = ['a', 'b', 'c', 'd'].map((id) => ({ id, term: id.toUpperCase() }));
    const props = mount({ loadTerm: async () => view({ relatedTerms }) });
    await flush();
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('.related button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['A', 'B', 'C']);
    buttons[1].click();
    expect(props.onSelectTerm).toHaveBeenCalledWith('b', 'B');
  });

  it('Hide offers Undo for a moment, then asks to stop highlighting the term; Undo keeps it', async () => {
    const props = mount({ loadTerm: async () => view() });
    await flush();
    const hide = container.querySelector<HTMLButtonElement>('.hide')!;
    expect(hide.textContent).toBe('Hide Basis on every page');
    vi.useFakeTimers();
    try {
      hide.click();
      await vi.advanceTimersByTimeAsync(50);
      expect(container.querySelector('.hidden-note')?.textContent).toBe('Basis will not be highlighted on any page.');
      // Undo takes Hide's place and its focus.
      expect(document.activeElement).toBe(container.querySelector('.undo'));
      container.querySelector<HTMLButtonElement>('.undo')!.click();
      await vi.advanceTimersByTimeAsync(HIDE_UNDO_MS * 2);
      expect(props.onHideTerm).not.toHaveBeenCalled();
      expect(container.querySelector('.hidden-note')).toBeNull();

      container.querySelector<HTMLButtonElement>('.hide')!.click();
      await vi.advanceTimersByTimeAsync(HIDE_UNDO_MS - 100);
      expect(props.onHideTerm).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(props.onHideTerm).toHaveBeenCalledTimes(1);
      expect(props.onHideTerm).toHaveBeenCalledWith('basis');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a card closed while a Hide waits hides the term at once', async () => {
    const props = mount({ loadTerm: async () => view() });
    await flush();
    container.querySelector<HTMLButtonElement>('.hide')!.click();
    await flush();
    render(null, container);
    expect(props.onHideTerm).toHaveBeenCalledExactlyOnceWith('basis');
  });

  it('Hide says why when the settings are full, and hides nothing', async () => {
    const full = 'Settings not saved: the browser syncs at most 8,192 bytes of settings and these need 8,210 bytes.';
    const props = mount({ loadTerm: async () => view(), checkHide: vi.fn(async () => full) });
    await flush();
    container.querySelector<HTMLButtonElement>('.hide')!.click();
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(full);
    expect(container.querySelector('.undo')).toBeNull();
    expect(container.querySelector('.hide')).not.toBeNull();
    render(null, container);
    expect(props.onHideTerm).not.toHaveBeenCalled();
  });

  it('renders hostile glossary text as literal text, never as markup', async () => {
    mount({
      loadTerm: async () =>
        view({ term: '<b>Bold</b>', summary: HOSTILE, setTitles: ['<script>x()</script>'], relatedTerms: [{ id: 'r', term: '<i>r</i>' }] }),
    });
    await flush();
    expect(container.querySelector('.summary')?.textContent).toBe(HOSTILE);
    expect(container.querySelector('.title')?.textContent).toBe('<b>Bold</b>');
    expect(container.querySelectorAll('img, script, b, i').length).toBe(0);
    const links = [...container.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('chrome-extension://abc/reader.html#/term/basis');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('Read more asks the background to open the reader instead of navigating', async () => {
    const props = mount({ loadTerm: async () => view() });
    await flush();
    const link = container.querySelector<HTMLAnchorElement>('.read-more')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(props.onOpenReader).toHaveBeenCalledWith('basis');
  });

  it('Copy copies "Term: summary" and says Copied', async () => {
    const props = mount({ loadTerm: async () => view() });
    await flush();
    container.querySelector<HTMLButtonElement>('.copy')!.click();
    await flush();
    expect(props.copyText).toHaveBeenCalledWith('Basis: The gap between a futures price and the spot price.');
    expect(container.querySelector('.copy')?.textContent).toBe('Copied');
  });

  it('says so when the term is gone or the background fails', async () => {
    mount({ loadTerm: async () => null });
    await flush();
    expect(container.querySelector('.status')?.textContent).toContain('no longer in your glossary');
    render(null, container);
    mount({ loadTerm: async () => Promise.reject(new Error('asleep')) });
    await flush();
    expect(container.querySelector('.status')?.textContent).toContain('Could not load');
  });
});
