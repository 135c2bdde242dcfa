/** Test data: a stored glossary term with only the fields a test cares about given. */
import type { Term } from '../../utils/glossary/schema';

export function makeTerm(fields: Pick<Term, 'id'> & Partial<Term>): Term {
  const name = fields.term ?? fields.id;
  return { term: name, aliases: [], abbreviations: [], summary: `About ${name}.`, body: '', sets: [], related: [], ...fields };
}
