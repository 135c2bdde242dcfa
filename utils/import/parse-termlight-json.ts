/**
 * Termlight JSON: the compiled glossary (`{format: 'termlight-glossary',
 * version: 1, sets, terms}`, what Termlight exports and feeds publish), a
 * bare set file as in `data/sets/` (`{id, title, description, terms}`), or a
 * bare array of terms. Each set and term is validated on its own, so one bad
 * term is reported with its path (`terms[3].summary`) and the others still load.
 */
import { shown, TermSetSchema, validate, type TermSet } from '../glossary/schema';
import { checkTerm, failed, finish, listOf, type Draft } from './drafts';
import { namespacedSetId, slugify, termIdFor, titleFromSourceName } from './ids';
import { MAX_IMPORT_TERMS, tooManyTermsMessage } from './limits';
import type { ImportProblem, ImportSource, ParseResult } from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Turns one raw term object into a candidate: ids slugified, sets mapped into the import's namespace. */
function candidateOf(raw: Json, sets: string[], mapSet: (id: string) => string | undefined): Json {
  const name = str(raw.term) ?? '';
  const out: Json = { ...raw };
  out.id = typeof raw.id === 'string' ? slugify(raw.id) || termIdFor(name) : raw.id === undefined ? termIdFor(name) : raw.id;
  out.sets = sets.map((s) => mapSet(s) ?? s);
  if (Array.isArray(raw.related)) out.related = raw.related.map((r) => (typeof r === 'string' ? slugify(r) : r));
  return out;
}

export function looksLikeTermlightJson(json: unknown): boolean {
  if (Array.isArray(json)) return json.some((t) => isObject(t) && 'term' in t);
  return isObject(json) && (json.format === 'termlight-glossary' || Array.isArray(json.terms));
}

export function parseTermlightJson(json: unknown, source: ImportSource): ParseResult {
  if (isObject(json) && json.format === 'termlight-glossary') return parseGlossary(json, source);
  if (isObject(json) && Array.isArray(json.terms)) return parseSetFile(json, source);
  if (Array.isArray(json)) {
    const title = titleFromSourceName(source.name);
    return parseSetFile({ id: title, title, terms: json }, source, (i) => `[${i}]`);
  }
  return failed('This JSON is not a Termlight glossary: expected "format": "termlight-glossary" with "sets" and "terms", or a set with "title" and "terms".');
}

function parseGlossary(doc: Json, source: ImportSource): ParseResult {
  if (doc.version !== 1) {
    return failed(`This Termlight glossary is version ${shown(doc.version)}; this version of Termlight reads version 1.`, 'termlight-json');
  }
  if (!Array.isArray(doc.sets) || !Array.isArray(doc.terms)) {
    return failed('This Termlight glossary needs a "sets" list and a "terms" list.', 'termlight-json');
  }
  if (doc.terms.length > MAX_IMPORT_TERMS) return failed(tooManyTermsMessage(doc.terms.length), 'termlight-json');

  const problems: ImportProblem[] = [];
  const sets: TermSet[] = [];
  const setIds = new Map<string, string>();
  const badSets = new Map<string, string>();
  doc.sets.forEach((raw, i) => {
    const where = `sets[${i}]`;
    if (!isObject(raw)) {
      problems.push({ where, message: 'must be an object with an id and a title' });
      return;
    }
    const fileId = str(raw.id) ?? '';
    const id = namespacedSetId(fileId || str(raw.title) || `set-${i + 1}`, source.origin);
    const result = validate(TermSetSchema, { ...raw, id, origin: source.origin, source: str(raw.source) ?? source.name });
    if (!result.ok) {
      for (const p of result.problems) problems.push({ where: `${where}.${p.path}`, message: p.message, term: str(raw.title) });
      badSets.set(fileId, `its set ${shown(fileId)} (${where}) could not be read`);
      return;
    }
    if (setIds.has(fileId)) {
      problems.push({ where: `${where}.id`, message: `set ${shown(fileId)} is in this file twice` });
      return;
    }
    setIds.set(fileId, id);
    sets.push(result.value);
  });

  const drafts: Draft[] = [];
  doc.terms.forEach((raw, i) => {
    const where = `terms[${i}]`;
    if (!isObject(raw)) {
      problems.push({ where, message: 'must be an object with a term and a summary' });
      return;
    }
    const name = str(raw.term);
    const fileSets = Array.isArray(raw.sets) ? raw.sets : [];
    const unreadable = fileSets.map((s) => badSets.get(String(s))).find(Boolean);
    if (unreadable) {
      problems.push({ where, message: unreadable, term: name });
      return;
    }
    const unknownAt = fileSets.findIndex((s) => typeof s === 'string' && !setIds.has(s));
    if (unknownAt !== -1) {
      problems.push({
        where: `${where}.sets[${unknownAt}]`,
        message: `set ${shown(fileSets[unknownAt])} is not in this file's "sets"`,
        term: name,
      });
      return;
    }
    const candidate = candidateOf(raw, fileSets as string[], (s) => setIds.get(s));
    if (!Array.isArray(raw.sets)) candidate.sets = raw.sets;
    const checked = checkTerm(candidate, where, { style: 'path' }, name);
    if (checked.ok) drafts.push({ where, term: checked.term });
    else problems.push(...checked.problems);
  });
  return finish('termlight-json', sets, drafts, problems, []);
}

/** A set file as in data/sets/ (terms without `sets`, optional `alsoIn`). */
function parseSetFile(doc: Json, source: ImportSource, whereOf = (i: number) => `terms[${i}]`): ParseResult {
  const terms = doc.terms as unknown[];
  if (terms.length > MAX_IMPORT_TERMS) return failed(tooManyTermsMessage(terms.length), 'termlight-set');
  const title = str(doc.title) ?? str(doc.id) ?? titleFromSourceName(source.name);
  const id = namespacedSetId(str(doc.id) || title, source.origin);
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const setResult = validate(TermSetSchema, {
    id,
    title,
    description: doc.description ?? '',
    origin: source.origin,
    source: str(doc.source) ?? source.name,
  });
  if (!setResult.ok) {
    // Without a readable set, no term has a home: report the set's fields and stop.
    return {
      ...failed(`The set could not be read: ${setResult.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, 'termlight-set'),
      problems: setResult.problems.map((p) => ({ where: p.path, message: p.message })),
    };
  }
  const drafts: Draft[] = [];
  const otherSets = new Set<string>();
  terms.forEach((raw, i) => {
    const at = whereOf(i);
    if (!isObject(raw)) {
      problems.push({ where: at, message: 'must be an object with a term and a summary' });
      return;
    }
    const { alsoIn, ...rest } = raw;
    for (const other of listOf(alsoIn)) otherSets.add(other);
    const candidate = candidateOf(rest, [id], () => undefined);
    const checked = checkTerm(candidate, at, { style: 'path' }, str(raw.term));
    if (checked.ok) drafts.push({ where: at, term: checked.term });
    else problems.push(...checked.problems);
  });
  if (otherSets.size) {
    const others = [...otherSets].slice(0, 5).map((s) => shown(s)).join(', ') + (otherSets.size > 5 ? ` and ${otherSets.size - 5} more` : '');
    notes.push(`Some terms also belong to other sets (${others}); a set file carries only its own set, so they were imported into "${title}" only.`);
  }
  return finish('termlight-set', [setResult.value], drafts, problems, notes);
}
