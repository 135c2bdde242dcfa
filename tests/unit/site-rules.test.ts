import { describe, expect, it } from 'vitest';
import { withSite, isSiteOn } from '../../components/popup/site-switch';
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from '../../utils/settings';

const settings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('site rules', () => {
  it('by default Termlight works everywhere except the listed sites and their subdomains', () => {
    const s = settings({ disabledSites: ['example.com'] });
    expect(isSiteEnabled(s, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'example.org')).toBe(true);
    expect(isSiteEnabled(s, 'notexample.com')).toBe(true);
  });

  it('in "only listed" mode Termlight works only on the listed sites', () => {
    const s = settings({ siteMode: 'only-listed', enabledSites: ['reuters.com'], disabledSites: ['example.com'] });
    expect(isSiteEnabled(s, 'www.reuters.com')).toBe(true);
    expect(isSiteEnabled(s, 'example.org')).toBe(false);
    expect(isSiteEnabled(settings({ siteMode: 'only-listed' }), 'reuters.com')).toBe(false);
  });

  it('pause everywhere wins over any list', () => {
    expect(isSiteEnabled(settings({ paused: true }), 'reuters.com')).toBe(false);
    expect(isSiteOn(settings({ paused: true }), 'reuters.com')).toBe(true);
  });

  it('the popup switch edits the list of the current mode', () => {
    expect(withSite(settings({}), 'www.example.com', false)).toEqual({ disabledSites: ['example.com'] });
    expect(withSite(settings({ disabledSites: ['example.com'] }), 'news.example.com', true)).toEqual({ disabledSites: [] });
    const only = settings({ siteMode: 'only-listed', enabledSites: ['reuters.com'] });
    expect(withSite(only, 'bloomberg.com', true)).toEqual({ enabledSites: ['reuters.com', 'bloomberg.com'] });
    expect(withSite(only, 'www.reuters.com', false)).toEqual({ enabledSites: [] });
  });
});
