/**
 * Ids for imported sets and terms. Term ids are slugs of the term's name, the
 * same convention as the bundled glossary ("S&P 500" → `s-and-p-500`), so an
 * imported "Funding Rate" is recognised as the bundled `funding-rate`.
 *
 * Set ids live in the importer's namespace: a set called "Market Panic
 * Selling" imported by the user becomes `imported-market-panic-selling`, so an
 * import can never replace a bundled, feed or "My terms" set. Importing the
 * same document again replaces that imported set (idempotent), and a set
 * exported from Termlight keeps its id through export and import.
 */
import { hashText } from '../glossary/hash';
import type { ImportOrigin } from './types';

const MAX_ID = 80;

function clip(slug: string, max = MAX_ID): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** A lowercase slug: "Put/Call Ratio" → `put-call-ratio`, "S&P 500" → `s-and-p-500`, "Café" → `cafe`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return clip(slug);
}

/** The id of a term called `name`; names without Latin letters or digits get a stable hashed id. */
export function termIdFor(name: string): string {
  return slugify(name) || `term-${hashText(name.trim())}`;
}

/** The id an imported set gets: `imported-<slug>` (or `feed-<slug>`), kept as is when already prefixed. */
export function namespacedSetId(idOrTitle: string, origin: ImportOrigin): string {
  const prefix = `${origin}-`;
  const slug = slugify(idOrTitle) || `set-${hashText(idOrTitle.trim())}`;
  return slug.startsWith(prefix) ? slug : clip(prefix + slug);
}

/** A set title from a file name: "my-glossary.csv" → "my-glossary". */
export function titleFromSourceName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]{1,6}$/i, '').trim();
  return base || 'Imported terms';
}
