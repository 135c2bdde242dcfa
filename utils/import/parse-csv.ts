/**
 * CSV: `term,definition[,aliases,set]` under a header row, read with
 * papaparse (quoted fields, commas and line breaks inside quotes, a UTF-8
 * BOM). Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
import Papa from 'papaparse';
import { NEEDS_CONTEXT_ABBREVIATIONS, NEEDS_CONTEXT_MARKETS } from '../glossary/needs-context';
import { shown, TermSetSchema, validate, type TermSet } from '../glossary/schema';
import { columnOf, readFlag, unescapeCell, type CsvColumn } from './csv-format';
import { checkTerm, failed, finish, listOf, type Draft } from './drafts';
import { namespacedSetId, slugify, termIdFor, titleFromSourceName } from './ids';
import { MAX_IMPORT_TERMS, tooManyTermsMessage } from './limits';
import { splitDefinition } from './text';
import type { ImportProblem, ImportSource, ParseResult } from './types';

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The yes/no columns, the term fields they set (left unset when the cell is
 * empty), and the other words a column takes (needs_context: "abbreviations"
 * or "markets"; it also takes some of the row's aliases and abbreviations,
 * the only forms that wait).
 */
const FLAG_COLUMNS = [
  ['ambiguous', 'ambiguous', []],
  ['needs_context', 'needsContext', [NEEDS_CONTEXT_ABBREVIATIONS, NEEDS_CONTEXT_MARKETS]],
] as const satisfies ReadonlyArray<readonly [CsvColumn, 'ambiguous' | 'needsContext', readonly string[]]>;

interface Header {
  delimiter: string;
  columns: Array<CsvColumn | undefined>;
  names: string[];
}

/** The first line split naively (headers have no quoted commas in practice). */
function firstLine(text: string): string {
  const end = text.search(/\r?\n|\r/);
  return end === -1 ? text : text.slice(0, end);
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

/** The header, if the first line names at least a term and a definition column. */
export function readCsvHeader(text: string): Header | null {
  const line = firstLine(text.replace(/^\uFEFF/, ''));
  for (const delimiter of DELIMITERS) {
    if (!line.includes(delimiter)) continue;
    const names = splitHeader(line, delimiter);
    const columns = names.map(columnOf);
    if (columns.includes('term') && columns.includes('definition')) return { delimiter, columns, names };
  }
  return null;
}

export function parseCsv(text: string, source: ImportSource): ParseResult {
  // One kind of line break (files edited on several systems mix them; papaparse expects one).
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header = readCsvHeader(body);
  if (!header) {
    return failed('This CSV has no header row naming a "term" and a "definition" column. Add one as the first line: term,definition,aliases,set', 'csv');
  }
  const parsed = Papa.parse<string[]>(body, { delimiter: header.delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  const problems: ImportProblem[] = [];
  const notes: string[] = [];

  const rowErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row === undefined || rowErrors.has(error.row)) continue;
    // Papa's InvalidQuotes is a quote inside a quoted cell that is not doubled: the cell runs on past it.
    const lines = (rows[error.row] ?? []).join('').split('\n').length - 1;
    const swallowed = lines > 0 ? ` and swallows the next ${lines} line${lines === 1 ? '' : 's'}` : '';
    rowErrors.set(
      error.row,
      error.code === 'MissingQuotes'
        ? 'a quoted cell is never closed, so the rest of the file ran into it; add the missing "'
        : error.code === 'InvalidQuotes'
          ? `a cell in double quotes has a quote inside it that is not doubled, so the cell runs on past it${swallowed}; write a quote inside a quoted cell as ""`
          : error.message,
    );
  }

  const index: Partial<Record<CsvColumn, number>> = {};
  header.columns.forEach((column, i) => {
    if (column && index[column] === undefined) index[column] = i;
    else if (column) notes.push(`Column ${shown(header.names[i])} appears twice; only the first one is read.`);
    else if (header.names[i]) notes.push(`Column ${shown(header.names[i])} is not one Termlight reads; it was left out.`);
  });
  const labels = {
    term: header.names[index.term ?? 0] || 'term',
    summary: header.names[index.definition ?? 1] || 'definition',
    aliases: header.names[index.aliases ?? -1] ?? 'aliases',
    abbreviations: 'abbreviations',
    body: 'body',
    related: 'related',
    sets: 'set',
    id: 'id',
    needsContext: 'needs_context',
  };

  const dataRows = rows.length - 1;
  if (dataRows > MAX_IMPORT_TERMS) return failed(tooManyTermsMessage(dataRows), 'csv');

  const defaultTitle = titleFromSourceName(source.name);
  const sets = new Map<string, TermSet>();
  const badSets = new Map<string, string>();
  const alsoIn: Array<{ draft: Draft; ids: string[] }> = [];
  const drafts: Draft[] = [];

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const where = `row ${r + 1}`;
    if (row.every((cell) => !cell.trim())) continue; // a blank line is not a row of data
    const cell = (column: CsvColumn): string => {
      const i = index[column];
      return i === undefined ? '' : unescapeCell(row[i] ?? '').trim();
    };
    const name = cell('term');
    const broken = rowErrors.get(r);
    if (broken) {
      problems.push({ where, message: broken, term: name || undefined });
      continue;
    }
    const extra = row.slice(header.names.length).filter((c) => c.trim());
    if (extra.length > 0) {
      problems.push({
        where,
        term: name || undefined,
        message: `this row has ${row.length} cells but the header names ${header.names.length} columns; is a comma inside a cell missing its quotes?`,
      });
      continue;
    }
    if (!name) {
      problems.push({ where, message: `${labels.term} is empty` });
      continue;
    }

    const setTitle = cell('set') || defaultTitle;
    const setId = namespacedSetId(cell('set_id') || setTitle, source.origin);
    if (!sets.has(setId) && !badSets.has(setId)) {
      const checkedSet = validate(TermSetSchema, {
        id: setId,
        title: setTitle,
        description: cell('set_description'),
        origin: source.origin,
        source: source.name,
      });
      if (checkedSet.ok) sets.set(setId, checkedSet.value);
      else badSets.set(setId, checkedSet.problems.map((p) => `set ${p.path} ${p.message}`).join('; '));
    }
    const badSet = badSets.get(setId);
    if (badSet) {
      problems.push({ where, term: name, message: badSet });
      continue;
    }
    const definition = cell('definition');
    let summary = definition;
    let body = cell('body');
    if (!body && definition) ({ summary, body } = splitDefinition(definition));
    const flags: Partial<Record<'ambiguous' | 'needsContext', boolean | string | string[]>> = {};
    const badFlag = FLAG_COLUMNS.find(([column, field, words]) => {
      const text = cell(column);
      const word = words.find((w) => w === text.trim().toLowerCase());
      let value: boolean | string | string[] | null | undefined = word ?? readFlag(text);
      if (value === null && field === 'needsContext') value = formsOfRow(text, cell('aliases'), cell('abbreviations')) ?? null;
      if (value !== undefined && value !== null) flags[field] = value;
      return value === null;
    });
    if (badFlag) {
      const [column, field, words] = badFlag;
      const forms = field === 'needsContext' ? ", or some of the term's aliases and abbreviations" : '';
      const choices = ['yes', 'no', ...words];
      problems.push({ where, term: name, message: `${column} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}${forms}, not ${shown(cell(column))}` });
      continue;
    }
    const candidate = {
      id: cell('id') ? slugify(cell('id')) || termIdFor(name) : termIdFor(name),
      term: name,
      aliases: listOf(cell('aliases')),
      abbreviations: listOf(cell('abbreviations')),
      summary,
      body,
      sets: [setId],
      related: listOf(cell('related')).map(slugify),
      ...flags,
    };
    const checked = checkTerm(candidate, where, { style: 'row', labels }, name);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const draft = { where, term: checked.term };
    drafts.push(draft);
    const more = listOf(cell('also_in'));
    if (more.length) alsoIn.push({ draft, ids: more.map((id) => namespacedSetId(id, source.origin)) });
  }

  // A term listed in several sets (the `also_in` column of Termlight's export).
  for (const { draft, ids } of alsoIn) {
    const known = ids.filter((id) => sets.has(id));
    const unknown = ids.filter((id) => !sets.has(id));
    draft.term = { ...draft.term, sets: [...new Set([...draft.term.sets, ...known])] };
    if (unknown.length) {
      notes.push(`${draft.where}: "${draft.term.term}" is also listed in ${unknown.join(', ')}, which no row of this file describes; that membership was left out.`);
    }
  }
  return finish('csv', [...sets.values()], drafts, problems, notes);
}

/** A needs_context cell that lists some of the row's aliases and abbreviations: those forms, or undefined if it names any other. */
function formsOfRow(cell: string, aliases: string, abbreviations: string): string[] | undefined {
  const listed = listOf(cell);
  const forms = new Set([...listOf(aliases), ...listOf(abbreviations)]);
  return listed.length > 0 && listed.every((form) => forms.has(form)) ? listed : undefined;
}
