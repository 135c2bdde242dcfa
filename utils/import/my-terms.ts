/**
 * "My terms": the user's own terms, in the set `my-terms` (origin `mine`).
 * Checked like any imported term (the glossary schema, one owner per word)
 * with messages addressed to the form field that needs fixing.
 */
import { normalizeForm, surfaceFormsOf } from '../glossary/surface-forms';
import { SUMMARY_MAX, TermSchema, validate, type Term, type TermSet } from '../glossary/schema';
import { termIdFor } from './ids';
import type { GlossarySnapshot } from './types';

export const MY_TERMS_SET_ID = 'my-terms';

export const MY_TERMS_SET: TermSet = {
  id: MY_TERMS_SET_ID,
  title: 'My terms',
  description: 'Terms you added yourself.',
  origin: 'mine',
};

/** What the form sends. `id` is set when editing; a new term's id comes from its name. */
export interface MyTermInput {
  id?: string;
  term: string;
  aliases: string[];
  abbreviations: string[];
  summary: string;
  body: string;
  /** Ids or names of related terms. */
  related: string[];
  ambiguous?: boolean;
}

export type MyTermField = 'term' | 'aliases' | 'abbreviations' | 'summary' | 'body' | 'related';

export interface FieldProblem {
  field: MyTermField | 'form';
  message: string;
}

export type MyTermCheck = { ok: true; term: Term } | { ok: false; problems: FieldProblem[] };

const FIELD_LABELS: Record<MyTermField, string> = {
  term: 'The name',
  aliases: 'An other name',
  abbreviations: 'An abbreviation',
  summary: 'The definition',
  body: 'The longer explanation',
  related: 'A related term',
};

function friendly(field: MyTermField, message: string, value: unknown): string {
  if (message === 'must not be empty') {
    if (field === 'term') return 'Give the term a name.';
    if (field === 'summary') return 'Write a short definition: it is what the tooltip shows.';
    return `${FIELD_LABELS[field]} is empty; remove the blank line.`;
  }
  if (field === 'summary' && typeof value === 'string' && value.length > SUMMARY_MAX) {
    return `The definition can be at most ${SUMMARY_MAX} characters (it has ${value.trim().length}); move the rest to the longer explanation.`;
  }
  return `${FIELD_LABELS[field]} ${message}.`;
}

function setTitles(term: Term, snapshot: GlossarySnapshot): string {
  return term.sets.map((id) => snapshot.sets.find((s) => s.id === id)?.title ?? id).join(', ');
}

/** Checks a term from the form against the schema and the rest of the glossary. */
export function checkMyTerm(input: MyTermInput, snapshot: GlossarySnapshot): MyTermCheck {
  const problems: FieldProblem[] = [];
  const others = snapshot.terms.filter((t) => t.id !== input.id);
  const editing = input.id ? snapshot.terms.find((t) => t.id === input.id) : undefined;
  if (input.id && !editing?.sets.includes(MY_TERMS_SET_ID)) {
    return { ok: false, problems: [{ field: 'form', message: 'This term is not one of your terms any more; reload the page.' }] };
  }
  const id = editing?.id ?? termIdFor(input.term);

  // Related terms may be given by name ("Funding Rate") or by id (funding-rate).
  const related: string[] = [];
  for (const entry of input.related.map((r) => r.trim()).filter(Boolean)) {
    const found =
      others.find((t) => t.id === entry) ?? others.find((t) => normalizeForm(t.term) === normalizeForm(entry));
    if (found) {
      if (!related.includes(found.id)) related.push(found.id);
    } else problems.push({ field: 'related', message: `"${entry}" is not a term in your glossary.` });
  }

  const candidate = {
    id,
    term: input.term,
    aliases: input.aliases.map((a) => a.trim()).filter(Boolean),
    abbreviations: input.abbreviations.map((a) => a.trim()).filter(Boolean),
    summary: input.summary,
    body: input.body,
    sets: editing ? editing.sets : [MY_TERMS_SET_ID],
    related,
    ...(input.ambiguous ? { ambiguous: true } : {}),
  };
  const result = validate(TermSchema, candidate);
  if (!result.ok) {
    for (const p of result.problems) {
      const field = (p.path.split(/[.[]/)[0] ?? '') as MyTermField;
      if (field in FIELD_LABELS) {
        const value = (candidate as Record<string, unknown>)[field];
        if (!problems.some((q) => q.field === field)) problems.push({ field, message: friendly(field, p.message, value) });
      } else if (p.path === 'id') {
        problems.push({ field: 'term', message: 'The name needs at least one letter or digit.' });
      } else problems.push({ field: 'form', message: `${p.path} ${p.message}` });
    }
  }
  // The checks against the rest of the glossary run even when a field above is
  // wrong, so the form shows every problem at once.
  const term: Term = result.ok
    ? result.value
    : { ...candidate, term: candidate.term.trim(), summary: candidate.summary.trim(), body: candidate.body.trim() };
  const add = (problem: FieldProblem) => {
    if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  };

  if (!editing && term.term) {
    const sameId = others.find((t) => t.id === id);
    if (sameId) {
      add({
        field: 'term',
        message: sameId.sets.includes(MY_TERMS_SET_ID)
          ? `You already have a term called "${sameId.term}"; edit it instead.`
          : `"${sameId.term}" is already in the glossary (${setTitles(sameId, snapshot)}).`,
      });
    }
  }
  const owners = new Map<string, Term>();
  for (const t of others) for (const f of surfaceFormsOf(t)) owners.set(normalizeForm(f.text), t);
  const fieldOf = (text: string): MyTermField =>
    text === term.term ? 'term' : term.aliases.includes(text) ? 'aliases' : 'abbreviations';
  const seen = new Set<string>();
  for (const form of surfaceFormsOf(term)) {
    const key = normalizeForm(form.text);
    if (!key) continue;
    const field = fieldOf(form.text);
    if (seen.has(key)) {
      if (field !== 'term') add({ field, message: `"${form.text}" is listed twice.` });
      continue;
    }
    seen.add(key);
    const owner = owners.get(key);
    if (owner) {
      add({
        field,
        message: `"${form.text}" already means "${owner.term}" (${setTitles(owner, snapshot)}); one word can point to one term only.`,
      });
    }
  }
  if (term.summary && normalizeForm(term.summary).replace(/\.$/, '') === normalizeForm(term.term)) {
    add({ field: 'summary', message: 'The definition only repeats the name; say what it means.' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, term };
}
