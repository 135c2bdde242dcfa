/** The address of the options page at a section, from any extension page (see options-link.ts). */
import { browser, type PublicPath } from 'wxt/browser';
import { optionsHref, type OptionsLink } from './options-link';

const OPTIONS_PATH = '/options.html' as PublicPath;

export function optionsUrl(link: OptionsLink): string {
  return optionsHref(browser.runtime.getURL(OPTIONS_PATH), link);
}
