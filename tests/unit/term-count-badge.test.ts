import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeText, buttonTitle, showTermCount, type BadgeApi } from '../../utils/background/term-count-badge';

describe('the toolbar badge', () => {
  it('shows the count, nothing for none, and 99+ past two digits', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it("sets the tab's text, coloured when there is a count, and clears it for none", async () => {
    const calls: unknown[] = [];
    const badge: BadgeApi = {
      setBadgeText: (details) => void calls.push(['text', details]),
      setBadgeBackgroundColor: (details) => void calls.push(['color', details]),
      setTitle: (details) => void calls.push(['title', details]),
    };
    await showTermCount(badge, 4, 12);
    await showTermCount(badge, 4, 0);
    expect(calls).toEqual([
      ['color', { color: BADGE_COLOR, tabId: 4 }],
      ['text', { tabId: 4, text: '12' }],
      ['title', { tabId: 4, title: 'Termlight: 12 terms on this page' }],
      ['text', { tabId: 4, text: '' }],
      ['title', { tabId: 4, title: 'Termlight' }],
    ]);
  });

  it('says the count in the button title, which screen readers announce, and the full count past 99', () => {
    expect(buttonTitle(1)).toBe('Termlight: 1 term on this page');
    expect(buttonTitle(140)).toBe('Termlight: 140 terms on this page');
    expect(buttonTitle(0)).toBe('Termlight');
  });
});
