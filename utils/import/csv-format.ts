/**
 * The CSV dialect Termlight reads and writes. Reading needs only
 * `term,definition` (plus optional `aliases` and `set`) under a header row;
 * Termlight's own export adds the columns that carry the rest of a term, so
 * export then import gives back exactly the same glossary.
 */
export const CSV_COLUMNS = [
  'term',
  'definition',
  'aliases',
  'set',
  'id',
  'abbreviations',
  'body',
  'related',
  'ambiguous',
  'needs_context',
  'set_id',
  'set_description',
  'also_in',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header spellings people use, normalized (lowercase, `_` and `-` as spaces). */
const HEADER_NAMES: Record<string, CsvColumn> = {
  term: 'term',
  name: 'term',
  word: 'term',
  definition: 'definition',
  summary: 'definition',
  description: 'definition',
  meaning: 'definition',
  aliases: 'aliases',
  alias: 'aliases',
  synonyms: 'aliases',
  'also known as': 'aliases',
  set: 'set',
  'set title': 'set',
  'set name': 'set',
  category: 'set',
  id: 'id',
  abbreviations: 'abbreviations',
  abbreviation: 'abbreviations',
  body: 'body',
  details: 'body',
  related: 'related',
  ambiguous: 'ambiguous',
  'needs context': 'needs_context',
  'set id': 'set_id',
  'set description': 'set_description',
  'also in': 'also_in',
};

export function columnOf(header: string): CsvColumn | undefined {
  const key = header.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return Object.hasOwn(HEADER_NAMES, key) ? HEADER_NAMES[key] : undefined;
}

/**
 * Cells a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) get a leading apostrophe on export. Cells that already start with
 * apostrophes before such a character get one more, so reading strips exactly
 * one and gives back the original text.
 *
 * The same goes for every place inside a cell that follows a `,`, a `;` or
 * a line break (and spaces): a spreadsheet set to the other separator, or
 * one that ignores quotes, splits the cell there, and the piece after it
 * would otherwise start with a formula.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;
const INNER_FORMULA = /([,;\n][ \u00a0]*)('*[=+\-@\t\r])/g;
const ESCAPED_INNER_FORMULA = /([,;\n][ \u00a0]*)'('*[=+\-@\t\r])/g;

export function escapeCell(value: string): string {
  const inner = value.replace(INNER_FORMULA, "$1'$2");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export function unescapeCell(value: string): string {
  const outer = ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
  return outer.replace(ESCAPED_INNER_FORMULA, '$1$2');
}

/** How list cells are joined on export (reading accepts `;` or `|`). */
export const LIST_JOINER = '; ';

const YES = new Set(['true', 'yes', 'y', '1']);
const NO = new Set(['false', 'no', 'n', '0']);

/** A yes/no cell: true, false, undefined when blank, or null when unreadable. */
export function readFlag(cell: string): boolean | undefined | null {
  const value = cell.trim().toLowerCase();
  if (!value) return undefined;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}
