/**
 * The site switch on the settings' site lists, with the same hostname rules
 * as the content script (`isSiteEnabled`): "www." does not count, and a listed
 * domain covers its subdomains. In the default mode the switch edits the list
 * of sites where Termlight is off; in "only on listed sites" mode, the list
 * where it is on.
 */
import { isSiteEnabled, siteListCovers, type Settings } from '../../utils/settings';

/** Whether the site itself is switched on, whatever the pause-everywhere switch says. */
export function isSiteOn(settings: Settings, hostname: string): boolean {
  return isSiteEnabled({ ...settings, paused: false }, hostname);
}

/** The settings change that turns this site on or off. */
export function withSite(settings: Settings, hostname: string, on: boolean): Partial<Settings> {
  const host = hostname.replace(/^www\./, '');
  const listed = settings.siteMode === 'only-listed' ? settings.enabledSites : settings.disabledSites;
  // Adding lists the host; removing drops every entry that covers it (a parent domain too).
  const add = settings.siteMode === 'only-listed' ? on : !on;
  const next = add
    ? siteListCovers(listed, host)
      ? listed
      : [...listed, host]
    : listed.filter((site) => !siteListCovers([site], host));
  return settings.siteMode === 'only-listed' ? { enabledSites: next } : { disabledSites: next };
}
