/**
 * What an import would do, worked out before anything is written: which terms
 * are new, changed, unchanged, in conflict with the glossary, invalid, and
 * which terms of a replaced imported set would go.
 *
 * The conflict policy (what a user would expect: an import adds to the
 * glossary, it never rewrites what is already there):
 * - Imported sets live in their own namespace (`imported-<slug>`, see ids.ts),
 *   so they never replace a bundled, feed or "My terms" set. Importing the
 *   same set again replaces the earlier import of it.
 * - A term whose id or name already belongs to a term of another set (a
 *   bundled term, a feed's, one of "My terms", another import's) is a
 *   conflict. The existing term wins and is kept word for word; it is linked
 *   into the imported set, so the set still lists it (the seed page's five
 *   terms, which Termlight ships, give a five-term imported set). The
 *   imported wording is shown in the preview, never written.
 * - A term whose alias or abbreviation (not its name) belongs to another
 *   term is imported without that alias, and the preview says so.
 * So every word on a page keeps one owner, as the matcher needs.
 */
import { normalizeForm, surfaceFormsOf } from '../glossary/surface-forms';
import type { Glossary, Term, TermSet } from '../glossary/schema';
import type {
  ConflictRow,
  GlossarySnapshot,
  ImportPreview,
  ImportProblem,
  ParseResult,
  PreviewRow,
  PreviewSet,
} from './types';

export interface ImportPlan {
  preview: ImportPreview;
  /** What to hand to `replaceSets`: null when there is nothing to write. */
  write: Pick<Glossary, 'sets' | 'terms'> | null;
}

const FIELDS = ['term', 'aliases', 'abbreviations', 'summary', 'body', 'related', 'ambiguous', 'needsContext'] as const;

/** How the preview names a field: as a reader would say it. */
const FIELD_NAMES: Partial<Record<(typeof FIELDS)[number], string>> = { needsContext: 'needs context' };

function changedFields(before: Term, after: Term): string[] {
  const out: string[] = FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map(
    (f) => FIELD_NAMES[f] ?? f,
  );
  if (JSON.stringify([...before.sets].sort()) !== JSON.stringify([...after.sets].sort())) out.push('sets');
  return out;
}

function emptyPreview(parsed: ParseResult): ImportPreview {
  return {
    format: parsed.format,
    error: parsed.error,
    sets: [],
    counts: { total: 0, new: 0, changed: 0, unchanged: 0, conflicting: 0, invalid: parsed.problems.length, removed: 0 },
    new: [],
    changed: [],
    unchanged: [],
    conflicting: [],
    invalid: parsed.problems,
    removed: [],
    notes: parsed.notes,
  };
}

/** Works out the preview and the write. Pure: the caller reads `existing` (in the write's transaction). */
export function planImport(parsed: ParseResult, existing: GlossarySnapshot): ImportPlan {
  const preview = emptyPreview(parsed);
  if (parsed.error) return { preview, write: null };

  const setById = new Map(existing.sets.map((s) => [s.id, s]));
  const titleOf = (id: string) => setById.get(id)?.title ?? parsed.sets.find((s) => s.id === id)?.title ?? id;
  const invalid: ImportProblem[] = [...parsed.problems];

  // Imported sets may only replace sets of the importer's own origin.
  const replaceable = new Set<string>();
  for (const set of parsed.sets) {
    const old = setById.get(set.id);
    if (old && old.origin !== set.origin) {
      invalid.push({ where: `set "${set.title}"`, message: `its id "${set.id}" belongs to a ${old.origin} set, which an import cannot replace` });
    } else replaceable.add(set.id);
  }

  const existingById = new Map(existing.terms.map((t) => [t.id, t]));
  /** Terms that live (also) outside the sets this import replaces: the import must not rewrite them. */
  const isOther = (t: Term) => t.sets.some((s) => !replaceable.has(s));
  const formOwner = new Map<string, Term>();
  for (const t of existing.terms) {
    if (!isOther(t)) continue;
    for (const form of surfaceFormsOf(t)) formOwner.set(normalizeForm(form.text), t);
  }
  const otherSetTitles = (t: Term) => t.sets.filter((s) => !replaceable.has(s)).map(titleOf);

  type Planned = { where: string; term: Term; kind: 'new' | 'changed' | 'unchanged' | 'alias'; detail?: string };
  const planned: Planned[] = [];
  const links = new Map<string, { target: Term; sets: Set<string> }>();
  const idMap = new Map<string, string>();
  const conflicts: ConflictRow[] = [];

  parsed.terms.forEach((incoming, i) => {
    const where = parsed.termWhere[i] ?? `term ${i + 1}`;
    const sets = incoming.sets.filter((s) => replaceable.has(s));
    if (sets.length === 0) {
      invalid.push({ where, term: incoming.term, message: 'its set cannot be imported (see above)' });
      return;
    }
    const term = { ...incoming, sets };
    const row = { where, id: term.id, term: term.term, set: titleOf(sets[0]) };
    const link = (target: Term, kind: ConflictRow['kind'], message: string) => {
      const entry = links.get(target.id) ?? { target, sets: new Set<string>() };
      for (const s of sets) entry.sets.add(s);
      links.set(target.id, entry);
      idMap.set(term.id, target.id);
      conflicts.push({ ...row, kind, existingId: target.id, existingTerm: target.term, existingSets: otherSetTitles(target), message });
    };

    const sameId = existingById.get(term.id);
    if (sameId && isOther(sameId)) {
      link(sameId, 'id', `"${sameId.term}" is already in ${otherSetTitles(sameId).join(', ')}; that definition is kept and the term is added to this set.`);
      return;
    }
    const nameOwner = formOwner.get(normalizeForm(term.term));
    if (nameOwner && nameOwner.id !== term.id) {
      link(nameOwner, 'name', `"${term.term}" is already a name of "${nameOwner.term}" in ${otherSetTitles(nameOwner).join(', ')}; that term is kept and added to this set.`);
      return;
    }
    const taken = surfaceFormsOf(term).filter((f) => {
      const owner = formOwner.get(normalizeForm(f.text));
      return owner && owner.id !== term.id;
    });
    let kind: Planned['kind'] = 'new';
    let detail: string | undefined;
    let toWrite = term;
    if (taken.length > 0) {
      const takenKeys = new Set(taken.map((f) => normalizeForm(f.text)));
      toWrite = {
        ...term,
        aliases: term.aliases.filter((a) => !takenKeys.has(normalizeForm(a))),
        abbreviations: term.abbreviations.filter((a) => !takenKeys.has(normalizeForm(a))),
      };
      const owner = formOwner.get(normalizeForm(taken[0].text))!;
      conflicts.push({
        ...row,
        kind: 'alias',
        existingId: owner.id,
        existingTerm: owner.term,
        existingSets: otherSetTitles(owner),
        message: `${taken.map((f) => `"${f.text}"`).join(', ')} already ${taken.length > 1 ? 'belong' : 'belongs'} to "${owner.term}"; the term is imported without ${taken.length > 1 ? 'them' : 'it'}.`,
      });
      kind = 'alias';
    }
    if (sameId && kind !== 'alias') {
      const diff = changedFields(sameId, toWrite);
      kind = diff.length ? 'changed' : 'unchanged';
      detail = diff.length ? `changes ${diff.join(', ')}` : undefined;
    }
    planned.push({ where, term: toWrite, kind, detail });
  });

  // Related ids follow links (an imported "OI Collapse" linked to the bundled
  // term), and must point at a term that exists after the import. Dropping a
  // term can break another's link, so repeat until nothing changes.
  const writtenSets = () => new Set(planned.flatMap((p) => p.term.sets).concat([...links.values()].flatMap((l) => [...l.sets])));
  for (const p of planned) p.term = { ...p.term, related: p.term.related.map((r) => idMap.get(r) ?? r) };
  for (let changed = true; changed; ) {
    changed = false;
    const replaced = writtenSets();
    const staying = new Set<string>();
    for (const t of existing.terms) if (t.sets.some((s) => !replaced.has(s)) || links.has(t.id)) staying.add(t.id);
    for (const p of planned) staying.add(p.term.id);
    for (let i = planned.length - 1; i >= 0; i--) {
      const p = planned[i];
      const missing = p.term.related.find((r) => !staying.has(r));
      if (missing === undefined) continue;
      invalid.push({ where: p.where, term: p.term.term, message: `related term "${missing}" is neither in this file nor in your glossary` });
      planned.splice(i, 1);
      changed = true;
    }
  }

  const replaced = writtenSets();
  const incomingIds = new Set([...planned.map((p) => p.term.id), ...links.keys()]);
  const removed: PreviewRow[] = [];
  for (const t of existing.terms) {
    const inReplaced = t.sets.filter((s) => replaced.has(s));
    if (inReplaced.length === 0 || incomingIds.has(t.id)) continue;
    const stays = t.sets.filter((s) => !replaced.has(s));
    removed.push({
      where: '',
      id: t.id,
      term: t.term,
      set: titleOf(inReplaced[0]),
      detail: stays.length ? `leaves this set; stays in ${stays.map(titleOf).join(', ')}` : 'deleted: no longer in the file',
    });
  }

  const toRow = (p: Planned): PreviewRow => ({ where: p.where, id: p.term.id, term: p.term.term, set: titleOf(p.term.sets[0]), ...(p.detail ? { detail: p.detail } : {}) });
  preview.new = planned.filter((p) => p.kind === 'new' || (p.kind === 'alias' && !existingById.has(p.term.id))).map(toRow);
  preview.changed = planned.filter((p) => p.kind === 'changed' || (p.kind === 'alias' && existingById.has(p.term.id))).map(toRow);
  preview.unchanged = planned.filter((p) => p.kind === 'unchanged').map(toRow);
  preview.conflicting = conflicts;
  preview.invalid = invalid;
  preview.removed = removed;

  const setsOut: TermSet[] = parsed.sets.filter((s) => replaced.has(s.id));
  const count = (id: string) =>
    planned.filter((p) => p.term.sets.includes(id)).length + [...links.values()].filter((l) => l.sets.has(id)).length;
  preview.sets = setsOut.map((s): PreviewSet => ({ id: s.id, title: s.title, termCount: count(s.id), replaces: setById.has(s.id) }));
  for (const s of parsed.sets) {
    if (!replaced.has(s.id) && replaceable.has(s.id)) preview.notes = [...preview.notes, `Set "${s.title}" has no term that can be imported; it is left out.`];
  }
  preview.counts = {
    total: parsed.terms.length + parsed.problems.length,
    new: preview.new.length,
    changed: preview.changed.length,
    unchanged: preview.unchanged.length,
    conflicting: conflicts.length,
    invalid: invalid.length,
    removed: removed.length,
  };

  const terms: Term[] = [
    ...planned.map((p) => p.term),
    ...[...links.values()].map(({ target, sets }) => ({ ...target, sets: [...sets] })),
  ];
  return { preview, write: terms.length > 0 ? { sets: setsOut, terms } : null };
}

/** The preview alone, for showing before the user decides. */
export function previewImport(parsed: ParseResult, existing: GlossarySnapshot): ImportPreview {
  return planImport(parsed, existing).preview;
}
