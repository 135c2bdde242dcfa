/** The My terms form's text fields, and how they map to and from a term. */
import type { Term } from '../../utils/glossary/schema';
import type { MyTermInput } from '../../utils/import/my-terms';

export interface MyTermForm {
  id?: string;
  term: string;
  /** One per line: other names can hold commas ("fear, uncertainty and doubt"). */
  aliases: string;
  /** Comma-separated. */
  abbreviations: string;
  summary: string;
  body: string;
  /** Names or ids, comma-separated. */
  related: string;
  ambiguous: boolean;
}

export const EMPTY_FORM: MyTermForm = { term: '', aliases: '', abbreviations: '', summary: '', body: '', related: '', ambiguous: false };

const lines = (text: string) => text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const commas = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function inputOf(form: MyTermForm): MyTermInput {
  return {
    ...(form.id ? { id: form.id } : {}),
    term: form.term,
    aliases: lines(form.aliases),
    abbreviations: commas(form.abbreviations),
    summary: form.summary,
    body: form.body,
    related: commas(form.related),
    ambiguous: form.ambiguous,
  };
}

export function formOf(term: Term, nameOf: (id: string) => string): MyTermForm {
  return {
    id: term.id,
    term: term.term,
    aliases: term.aliases.join('\n'),
    abbreviations: term.abbreviations.join(', '),
    summary: term.summary,
    body: term.body,
    related: term.related.map(nameOf).join(', '),
    ambiguous: term.ambiguous ?? false,
  };
}
