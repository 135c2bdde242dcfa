/**
 * The steps every format shares once it has turned rows or items into term
 * candidates: validate each with the glossary schema (one bad item never
 * hides the others), then the checks across the document (duplicate ids and
 * names, self-references), then the result with every problem kept.
 */
import { isOwnForm } from '../glossary/needs-context';
import { normalizeForm, surfaceFormsOf } from '../glossary/surface-forms';
import { TermSchema, validate, type Term, type TermSet } from '../glossary/schema';
import { MAX_IMPORT_TERMS, tooManyTermsMessage } from './limits';
import type { ImportFormat, ImportProblem, ParseResult } from './types';

export interface Draft {
  where: string;
  term: Term;
}

/**
 * How to name a bad field to the user. `path` style appends the field path
 * (`terms[3].summary`); `row` style keeps the row and names the column
 * (`row 12`: "definition must not be empty").
 */
export interface FieldNaming {
  style: 'path' | 'row';
  /** Field name → what the user calls it (`summary` → `definition` in a CSV). */
  labels?: Partial<Record<string, string>>;
}

/** Validates one candidate term; problems carry `where` and the field in the user's words. */
export function checkTerm(
  candidate: unknown,
  where: string,
  naming: FieldNaming,
  name?: string,
): { ok: true; term: Term } | { ok: false; problems: ImportProblem[] } {
  const result = validate(TermSchema, candidate);
  const termName = typeof name === 'string' && name.trim() ? name.trim() : undefined;
  if (result.ok) {
    const stray = strayWaitingForm(result.value);
    if (stray === undefined) return { ok: true, term: result.value };
    const label = naming.labels?.needsContext ?? 'needsContext';
    const message = `lists “${stray}” as waiting for context, but it is none of the term's aliases or abbreviations`;
    return { ok: false, problems: [naming.style === 'path' ? { where: `${where}.${label}`, message, term: termName } : { where, message: `${label} ${message}`, term: termName }] };
  }
  const problems = result.problems.map((p): ImportProblem => {
    if (p.path === '(root)') return { where, message: p.message, term: termName };
    const field = p.path.split(/[.[]/)[0] ?? p.path;
    const label = naming.labels?.[field] ?? field;
    const rest = p.path.slice(field.length);
    if (naming.style === 'path') return { where: `${where}.${label}${rest}`, message: p.message, term: termName };
    const item = /^\[(\d+)\]/.exec(rest);
    const shown = item ? `${label} (item ${Number(item[1]) + 1})` : label;
    return { where, message: `${shown} ${p.message}`, term: termName };
  });
  return { ok: false, problems };
}

/** A form `needsContext` lists that is none of the term's aliases and abbreviations, if any. */
function strayWaitingForm(term: Term): string | undefined {
  if (!Array.isArray(term.needsContext)) return undefined;
  return term.needsContext.find((form) => !isOwnForm(term, form));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

export function failed(error: string, format: ImportFormat | null = null): ParseResult {
  return { format, sets: [], terms: [], termWhere: [], problems: [], notes: [], error };
}

function sameExceptSets(a: Term, b: Term): boolean {
  const { sets: _a, ...restA } = a;
  const { sets: _b, ...restB } = b;
  return JSON.stringify(restA, Object.keys(restA).sort()) === JSON.stringify(restB, Object.keys(restB).sort());
}

/**
 * Cross-item checks within the document. The first item to claim an id or a
 * name keeps it; a later one is reported with a pointer to the first. The
 * same term listed once per set (identical but for its set) is merged.
 */
export function finish(
  format: ImportFormat,
  sets: TermSet[],
  drafts: Draft[],
  problems: ImportProblem[],
  notes: string[],
): ParseResult {
  if (drafts.length + problems.length > MAX_IMPORT_TERMS) {
    return failed(tooManyTermsMessage(drafts.length + problems.length), format);
  }
  const byId = new Map<string, Draft>();
  const formOwner = new Map<string, Draft>();
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const { term, where } = draft;
    const first = byId.get(term.id);
    if (first) {
      if (sameExceptSets(first.term, term)) {
        first.term = { ...first.term, sets: [...new Set([...first.term.sets, ...term.sets])] };
        continue;
      }
      problems.push({
        where,
        term: term.term,
        message: `"${term.term}" is in this file twice (also at ${first.where}); keep one of them`,
      });
      continue;
    }
    let clash: string | null = null;
    for (const form of surfaceFormsOf(term)) {
      const owner = formOwner.get(normalizeForm(form.text));
      if (owner && owner.term.id !== term.id) {
        clash = `"${form.text}" is already a name of "${owner.term.term}" (${owner.where}); a word can belong to one term only`;
        break;
      }
    }
    if (!clash && term.related.includes(term.id)) clash = `"${term.term}" lists itself as related`;
    if (!clash && normalizeForm(term.summary).replace(/\.$/, '') === normalizeForm(term.term)) {
      clash = `the definition only repeats the term's name; say what it means`;
    }
    if (clash) {
      problems.push({ where, term: term.term, message: clash });
      continue;
    }
    byId.set(term.id, draft);
    for (const form of surfaceFormsOf(term)) {
      const key = normalizeForm(form.text);
      if (!formOwner.has(key)) formOwner.set(key, draft);
    }
    kept.push(draft);
  }
  return {
    format,
    sets,
    terms: kept.map((d) => d.term),
    termWhere: kept.map((d) => d.where),
    // Messages quote what they are about, and that may be what is wrong with it (a 10 MB name or cell): cut short.
    problems: problems.map((p) => ({ ...p, message: clip(p.message, 500), ...(p.term ? { term: clip(p.term, 80) } : {}) })),
    notes: notes.map((note) => clip(note, 500)),
    error: null,
  };
}

/** A list cell or value: arrays as they are, strings split on `;` or `|`, blanks dropped. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}
