import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeText, showTermCount, type BadgeApi } from '../../utils/background/term-count-badge';

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
    };
    await showTermCount(badge, 4, 12);
    await showTermCount(badge, 4, 0);
    expect(calls).toEqual([
      ['color', { color: BADGE_COLOR, tabId: 4 }],
      ['text', { tabId: 4, text: '12' }],
      ['text', { tabId: 4, text: '' }],
    ]);
  });
});
