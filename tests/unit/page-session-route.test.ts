import { describe, expect, it } from 'vitest';
import { sameDocument } from '../../utils/content/page-session';

describe('route changes in single-page apps', () => {
  it('an in-page link (#fragment) stays on the same page; another path or query is a new one', () => {
    const at = (href: string) => new URL(href, 'https://news.example/markets/today?edition=us');
    const here = at('');
    expect(sameDocument(at('#notes'), here)).toBe(true);
    expect(sameDocument(at('/markets/today?edition=us#top'), here)).toBe(true);
    expect(sameDocument(at('?edition=uk'), here)).toBe(false);
    expect(sameDocument(at('/markets/tomorrow?edition=us'), here)).toBe(false);
  });
});
