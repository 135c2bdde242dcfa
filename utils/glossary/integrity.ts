/**
 * Cross-term checks a schema cannot express: unique ids, unique surface forms,
 * related ids that point somewhere, sets that exist, forms listed in
 * `needsContext` that are the term's own. Used by the build (bundled
 * glossary) and by imports and feeds before anything is written.
 */
import { isOwnForm } from './needs-context';
import { normalizeForm, surfaceFormsOf } from './surface-forms';
import type { Term, TermSet, ValidationProblem } from './schema';

export interface IntegrityOptions {
  /** Ids of terms that exist outside `terms` (already stored), valid as `related` targets. */
  knownTermIds?: ReadonlySet<string>;
  /** Ids of sets that exist outside `sets`. */
  knownSetIds?: ReadonlySet<string>;
}

export function checkIntegrity(
  sets: readonly TermSet[],
  terms: readonly Term[],
  options: IntegrityOptions = {},
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const setIds = new Set(options.knownSetIds);
  sets.forEach((set, i) => {
    if (setIds.has(set.id) && !options.knownSetIds?.has(set.id)) {
      problems.push({ path: `sets[${i}].id`, message: `duplicate set id "${set.id}"` });
    }
    setIds.add(set.id);
  });

  const termIds = new Map<string, number>();
  terms.forEach((term, i) => {
    const first = termIds.get(term.id);
    if (first !== undefined) {
      problems.push({
        path: `terms[${i}].id`,
        message: `duplicate term id "${term.id}" (first used by terms[${first}])`,
      });
    } else termIds.set(term.id, i);
  });

  // One owner per surface form, compared the way the matcher compares them:
  // case-insensitively, so "OI" and an alias "oi" would fight over the same text.
  const formOwner = new Map<string, { id: string; text: string }>();
  terms.forEach((term, i) => {
    const seenInTerm = new Set<string>();
    for (const form of surfaceFormsOf(term)) {
      const key = normalizeForm(form.text);
      if (seenInTerm.has(key)) continue;
      seenInTerm.add(key);
      const owner = formOwner.get(key);
      if (owner && owner.id !== term.id) {
        problems.push({
          path: `terms[${i}]`,
          message: `"${form.text}" of "${term.id}" is already a surface form of "${owner.id}"`,
        });
      } else formOwner.set(key, { id: term.id, text: form.text });
    }
  });

  terms.forEach((term, i) => {
    term.sets.forEach((setId, j) => {
      if (!setIds.has(setId)) {
        problems.push({ path: `terms[${i}].sets[${j}]`, message: `unknown set "${setId}" in "${term.id}"` });
      }
    });
    term.related.forEach((relatedId, j) => {
      if (relatedId === term.id) {
        problems.push({ path: `terms[${i}].related[${j}]`, message: `"${term.id}" lists itself as related` });
      } else if (!termIds.has(relatedId) && !options.knownTermIds?.has(relatedId)) {
        problems.push({
          path: `terms[${i}].related[${j}]`,
          message: `"${term.id}" is related to unknown term "${relatedId}"`,
        });
      }
    });
    if (Array.isArray(term.needsContext)) {
      term.needsContext.forEach((form, j) => {
        if (!isOwnForm(term, form)) {
          problems.push({
            path: `terms[${i}].needsContext[${j}]`,
            message: `"${term.id}" lists "${form}" as waiting for context, but it is none of its aliases or abbreviations`,
          });
        }
      });
    }
    if (normalizeForm(term.summary).replace(/\.$/, '') === normalizeForm(term.term)) {
      problems.push({ path: `terms[${i}].summary`, message: `summary of "${term.id}" only repeats its name` });
    }
  });
  return problems;
}
