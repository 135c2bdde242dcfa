// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFirstContact, type FirstContactWatch } from '../../utils/tooltip/first-contact';

let watch: FirstContactWatch | undefined;
let onFirstContact: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  document.body.innerHTML = `
    <p id="prose">The <mark class="termlight" data-term-id="funding-rate">funding rate</mark> and
    <mark class="termlight" data-term-id="basis">basis</mark>, <a href="#next"><mark class="termlight" data-term-id="open-interest">open interest</mark></a>.</p>`;
  onFirstContact = vi.fn<() => void>();
  watch = watchFirstContact(document, onFirstContact);
});
afterEach(() => watch?.stop());

const mark = (id: string) => document.querySelector<HTMLElement>(`mark[data-term-id="${id}"]`)!;
const pointer = (type: string, target: Element, init: PointerEventInit = {}) =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerType: 'mouse', ...init }));

describe('watchFirstContact', () => {
  it('reports the first hover on a highlight once and follows the pointer until the card takes over', () => {
    pointer('pointerover', document.getElementById('prose')!);
    expect(onFirstContact).not.toHaveBeenCalled();
    pointer('pointerover', mark('funding-rate'), { clientX: 12, clientY: 34 });
    expect(onFirstContact).toHaveBeenCalledTimes(1);
    expect(watch!.current()).toEqual({ cause: 'pointer', mark: mark('funding-rate'), pointer: { x: 12, y: 34 } });
    pointer('pointerover', mark('basis'), { clientX: 50, clientY: 34 });
    expect(onFirstContact).toHaveBeenCalledTimes(1);
    expect(watch!.current()?.mark).toBe(mark('basis'));
    pointer('pointerover', document.getElementById('prose')!);
    expect(watch!.current()).toBeNull();
  });

  it('forgets a hover when the pointer leaves the window', () => {
    pointer('pointerover', mark('basis'));
    pointer('pointerout', mark('basis'));
    expect(watch!.current()).toBeNull();
  });

  it('takes a tap on a highlight, and keeps the click of a tap in a link from following it', () => {
    pointer('pointerdown', mark('open-interest'), { pointerType: 'touch' });
    expect(onFirstContact).toHaveBeenCalledTimes(1);
    expect(watch!.current()).toEqual({ cause: 'tap', mark: mark('open-interest') });
    const firstClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    mark('open-interest').dispatchEvent(firstClick);
    expect(firstClick.defaultPrevented).toBe(true);
    const secondClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    mark('open-interest').dispatchEvent(secondClick);
    expect(secondClick.defaultPrevented).toBe(false);
  });

  it('lets a later tap in a link through when the first tap turned into a scroll (no click came)', () => {
    pointer('pointerdown', mark('open-interest'), { pointerType: 'touch' });
    pointer('pointercancel', mark('open-interest'), { pointerType: 'touch' }); // the browser took the touch for a scroll
    const laterClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    mark('open-interest').dispatchEvent(laterClick);
    expect(laterClick.defaultPrevented).toBe(false);
  });

  it('ignores touch hovers and presses outside highlights', () => {
    pointer('pointerover', mark('basis'), { pointerType: 'touch' });
    pointer('pointerdown', document.getElementById('prose')!, { pointerType: 'touch' });
    pointer('pointerdown', mark('basis'));
    expect(onFirstContact).not.toHaveBeenCalled();
    expect(watch!.current()).toBeNull();
  });

  it('stops listening when stopped', () => {
    watch!.stop();
    pointer('pointerover', mark('basis'));
    expect(onFirstContact).not.toHaveBeenCalled();
    expect(watch!.current()).toBeNull();
  });
});
