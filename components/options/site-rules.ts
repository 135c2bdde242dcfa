/**
 * What the user types as a site ("https://www.example.com/markets", "Example.com")
 * turned into the hostname rule that `isSiteEnabled` compares: lowercase,
 * without `www.`; a rule also covers the site's subdomains.
 */
export function siteRuleOf(input: string): { ok: true; site: string } | { ok: false; message: string } {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Type a site, such as example.com.' };
  let host = raw;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`).hostname;
  } catch {
    return { ok: false, message: `"${raw}" is not a site name or address.` };
  }
  host = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const isIp = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!isIp && !/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host)) {
    return { ok: false, message: `"${raw}" is not a site name or address.` };
  }
  return { ok: true, site: host };
}
