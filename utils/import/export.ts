/**
 * Export of any sets, or all of them, as Termlight JSON or CSV. Both carry
 * every field of every term, in a stable order (sets and terms by id), so
 * parsing an export gives back the same sets and terms, and exporting them
 * again gives the same text. A term is exported with only the exported sets
 * among its memberships. CSV cells that a spreadsheet would run as formulas
 * are neutralized with a leading apostrophe (read back without it).
 */
import Papa from 'papaparse';
import type { Glossary, Term, TermSet } from '../glossary/schema';
import { CSV_COLUMNS, LIST_JOINER, escapeCell, type CsvColumn } from './csv-format';
import type { ExportRequest, GlossarySnapshot } from './types';

export class ExportError extends Error {}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The sets and terms an export carries, in export order, with memberships narrowed to the exported sets. */
export function selectForExport(snapshot: GlossarySnapshot, setIds?: string[]): Pick<Glossary, 'sets' | 'terms'> {
  const wanted = setIds && setIds.length ? new Set(setIds) : new Set(snapshot.sets.map((s) => s.id));
  const missing = [...wanted].filter((id) => !snapshot.sets.some((s) => s.id === id));
  if (missing.length) throw new ExportError(`No set with id ${missing.map((m) => `"${m}"`).join(', ')}.`);
  // A set with no terms carries nothing an import could bring back, so it is left out.
  const used = new Set(snapshot.terms.flatMap((t) => t.sets));
  const sets = snapshot.sets.filter((s) => wanted.has(s.id) && used.has(s.id)).sort(byId);
  const order = new Map(sets.map((s, i) => [s.id, i]));
  const terms = snapshot.terms
    .filter((t) => t.sets.some((s) => order.has(s)))
    .map((t) => ({ ...t, sets: t.sets.filter((s) => order.has(s)).sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort(byId);
  return { sets, terms };
}

function setOut(set: TermSet): TermSet {
  return {
    id: set.id,
    title: set.title,
    description: set.description,
    origin: set.origin,
    ...(set.source !== undefined ? { source: set.source } : {}),
  };
}

function termOut(term: Term): Term {
  return {
    id: term.id,
    term: term.term,
    aliases: term.aliases,
    abbreviations: term.abbreviations,
    summary: term.summary,
    body: term.body,
    sets: term.sets,
    related: term.related,
    ...(term.ambiguous !== undefined ? { ambiguous: term.ambiguous } : {}),
    ...(term.needsContext !== undefined ? { needsContext: term.needsContext } : {}),
  };
}

export function toTermlightJson(selection: Pick<Glossary, 'sets' | 'terms'>): string {
  const glossary: Glossary = {
    format: 'termlight-glossary',
    version: 1,
    sets: selection.sets.map(setOut),
    terms: selection.terms.map(termOut),
  };
  return `${JSON.stringify(glossary, null, 2)}\n`;
}

export function toCsv(selection: Pick<Glossary, 'sets' | 'terms'>): string {
  // A list cell is split at ";" and "|" when it is read back, so an alias holding one would come back as several.
  for (const term of selection.terms) {
    const split = [...term.aliases, ...term.abbreviations].find((form) => /[;|]/.test(form));
    if (split !== undefined) {
      throw new ExportError(
        `CSV cannot carry ${JSON.stringify(split.length > 60 ? `${split.slice(0, 59)}\u2026` : split)}, another name of "${term.term}": a list cell is split at ";" and "|" when it is read back. Export as JSON.`,
      );
    }
  }
  const setById = new Map(selection.sets.map((s) => [s.id, s]));
  const rows = selection.terms.map((term) => {
    const home = setById.get(term.sets[0]);
    const row: Record<CsvColumn, string> = {
      term: term.term,
      definition: term.summary,
      aliases: term.aliases.join(LIST_JOINER),
      set: home?.title ?? '',
      id: term.id,
      abbreviations: term.abbreviations.join(LIST_JOINER),
      body: term.body,
      related: term.related.join(LIST_JOINER),
      ambiguous: term.ambiguous === undefined ? '' : String(term.ambiguous),
      needs_context: term.needsContext === undefined ? '' : Array.isArray(term.needsContext) ? term.needsContext.join(LIST_JOINER) : String(term.needsContext),
      set_id: home?.id ?? '',
      set_description: home?.description ?? '',
      also_in: term.sets.slice(1).join(LIST_JOINER),
    };
    return CSV_COLUMNS.map((c) => escapeCell(row[c]));
  });
  // A set whose every term lives first in another set still needs a row to carry its title.
  const homes = new Set(selection.terms.map((t) => t.sets[0]));
  const orphans = selection.sets.filter((s) => !homes.has(s.id) && selection.terms.some((t) => t.sets.includes(s.id)));
  if (orphans.length) {
    throw new ExportError(
      `CSV cannot carry the title of ${orphans.map((s) => `"${s.title}"`).join(', ')}: every term of it is listed first under another set. Export it on its own, or as JSON.`,
    );
  }
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: true })}\r\n`;
}

export function exportGlossary(snapshot: GlossarySnapshot, request: ExportRequest): string {
  const selection = selectForExport(snapshot, request.setIds);
  return request.format === 'csv' ? toCsv(selection) : toTermlightJson(selection);
}

/** A file name for an export: `termlight-<set or all>-<date>.<ext>`. */
export function exportFileName(request: ExportRequest, date = new Date()): string {
  const what = request.setIds && request.setIds.length === 1 ? request.setIds[0] : request.setIds?.length ? 'sets' : 'all';
  return `termlight-${what}-${date.toISOString().slice(0, 10)}.${request.format}`;
}
