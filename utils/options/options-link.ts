/**
 * Links into the options page: a section to show and, for My terms, a name
 * to start the new term with (the popup's "add it to your own terms" passes
 * what the user searched for). The name travels in the query string and is
 * only ever put into a text field's value.
 */

/** Section ids of the options page, in page order. */
export const OPTIONS_SECTIONS = ['sets', 'my-terms', 'import', 'export', 'feeds', 'sites', 'appearance'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

export interface OptionsLink {
  section?: OptionsSection;
  /** A name to prefill in My terms' form. */
  name?: string;
}

/** Longest name carried over; the form says what is too long anyway. */
const MAX_NAME = 200;

const cleanName = (name: string | null | undefined) => name?.trim().slice(0, MAX_NAME) || undefined;

/** The options page at `link`, from the page's own address (`runtime.getURL('/options.html')`). */
export function optionsHref(base: string, link: OptionsLink): string {
  const name = cleanName(link.name);
  const query = name ? `?${new URLSearchParams({ name }).toString()}` : '';
  return `${base}${query}${link.section ? `#${link.section}` : ''}`;
}

/** What an options page address asks for; unknown sections and empty names are dropped. */
export function readOptionsLink(href: string): OptionsLink {
  const url = new URL(href);
  const hash = url.hash.slice(1);
  const section = (OPTIONS_SECTIONS as readonly string[]).includes(hash) ? (hash as OptionsSection) : undefined;
  return { section, name: cleanName(url.searchParams.get('name')) };
}
