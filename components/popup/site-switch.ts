/**
 * The site switch on the settings' list of disabled sites, with the same
 * hostname rules as the content script (`isSiteEnabled`): "www." does not
 * count, and a listed domain covers its subdomains.
 */
import { isSiteEnabled, type Settings } from '../../utils/settings';

/** Whether the site itself is switched on, whatever the pause-everywhere switch says. */
export function isSiteOn(settings: Settings, hostname: string): boolean {
  return isSiteEnabled({ ...settings, paused: false }, hostname);
}

/** The disabled-sites list with this site turned on or off. */
export function withSite(settings: Settings, hostname: string, on: boolean): string[] {
  const host = hostname.replace(/^www\./, '');
  if (!on) return isSiteOn(settings, host) ? [...settings.disabledSites, host] : settings.disabledSites;
  // Turning on drops every entry that covers this host (a parent domain too).
  return settings.disabledSites.filter((site) => isSiteOn({ ...settings, disabledSites: [site] }, host));
}
