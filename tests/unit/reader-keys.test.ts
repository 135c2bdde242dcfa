import { describe, expect, it } from 'vitest';
import { isTypingTarget, readerKeyAction, type KeyPress } from '../../utils/reader/keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  target: { tagName: 'BODY' } as unknown as EventTarget,
  ...extra,
});
const on = (tagName: string, more: Record<string, unknown> = {}) => ({ tagName, ...more }) as unknown as EventTarget;

describe('reader keyboard shortcuts', () => {
  it('j and k move to the next and previous term; "/" goes to search', () => {
    expect(readerKeyAction(press('j'))).toBe('next');
    expect(readerKeyAction(press('k'))).toBe('previous');
    expect(readerKeyAction(press('/'))).toBe('search');
    expect(readerKeyAction(press('x'))).toBeUndefined();
  });

  it('arrows move only where asked (lists); on a term page they scroll', () => {
    expect(readerKeyAction(press('ArrowDown'))).toBeUndefined();
    expect(readerKeyAction(press('ArrowDown'), { arrows: true })).toBe('next');
    expect(readerKeyAction(press('ArrowUp'), { arrows: true })).toBe('previous');
  });

  it('keys typed into a text field are text', () => {
    for (const target of [
      on('INPUT', { type: 'search' }),
      on('INPUT', { type: 'text' }),
      on('input', { type: '' }),
      on('TEXTAREA'),
      on('SELECT'),
      on('DIV', { isContentEditable: true }),
    ]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(readerKeyAction(press('j', { target }))).toBeUndefined();
      expect(readerKeyAction(press('/', { target }))).toBeUndefined();
    }
    expect(isTypingTarget(on('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(on('A'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('leaves browser and system shortcuts alone, and keys already handled', () => {
    expect(readerKeyAction(press('j', { ctrlKey: true }))).toBeUndefined();
    expect(readerKeyAction(press('k', { metaKey: true }))).toBeUndefined();
    expect(readerKeyAction(press('/', { altKey: true }))).toBeUndefined();
    expect(readerKeyAction(press('j', { isComposing: true }))).toBeUndefined();
    expect(readerKeyAction(press('j', { defaultPrevented: true }))).toBeUndefined();
  });
});
