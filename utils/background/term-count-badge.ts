/**
 * The toolbar button's badge: how many distinct terms Termlight highlighted
 * on the tab's page, so a reader sees at a glance that a page has terms and
 * how many before opening the popup. Each tab's top document reports its
 * own count; 0 (nothing found, the site switched off, the setting off)
 * clears the badge. The button's title says the same in words, which is
 * what a screen reader announces for it.
 */

/** What this module uses of `action` (MV3) or `browserAction` (Firefox's MV2), a fake in unit tests. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string }): Promise<void> | void;
}

/** Termlight's accent (the card's link colour in the light theme), dark enough for the browser's white badge text. */
export const BADGE_COLOR = '#0550ae';

/** Badge text for a count: empty for none; over 99 is "99+" (the badge has room for about four characters). */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The button's title for a count; for none, the title it has by default (the manifest's `default_title`). */
export function buttonTitle(count: number): string {
  const text = badgeText(count);
  if (!text) return 'Termlight';
  return `Termlight: ${count === 1 ? '1 term' : `${count} terms`} on this page`;
}

export async function showTermCount(badge: BadgeApi, tabId: number, count: number): Promise<void> {
  const text = badgeText(count);
  if (text) await badge.setBadgeBackgroundColor({ color: BADGE_COLOR, tabId });
  await badge.setBadgeText({ tabId, text });
  await badge.setTitle({ tabId, title: buttonTitle(count) });
}
