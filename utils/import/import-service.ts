/**
 * The background's side of imports, exports and "My terms": each method backs
 * one message of the protocol. Every write is one IndexedDB transaction that
 * reads the glossary it checks against (`replaceSetsWith`), so a refused or
 * failed import leaves the glossary exactly as it was, and a successful one
 * bumps the revision so matchers and search indexes are rebuilt.
 */
import { removeSets, replaceSetsWith } from '../db/glossary-store';
import type { GlossaryDb } from '../db/schema';
import { exportGlossary, ExportError } from './export';
import { checkMyTerm, MY_TERMS_SET, MY_TERMS_SET_ID, type FieldProblem, type MyTermInput } from './my-terms';
import { parseGlossaryDocument } from './parse';
import { planImport, type ImportPlan } from './preview';
import type { ExportRequest, GlossarySnapshot, ImportOutcome, ImportPreview } from './types';
import type { Term } from '../glossary/schema';

export interface ImportRequest {
  text: string;
  /** File name or a label for pasted text: names the default set and is kept as the set's source. */
  name: string;
}

export type SaveMyTermResult = { ok: true; term: Term } | { ok: false; problems: FieldProblem[] };

export interface ImportService {
  previewImport(request: ImportRequest): Promise<ImportPreview>;
  importGlossary(request: ImportRequest & { skipInvalid: boolean }): Promise<ImportOutcome>;
  exportGlossary(request: ExportRequest): Promise<string>;
  saveMyTerm(input: MyTermInput): Promise<SaveMyTermResult>;
  deleteMyTerm(id: string): Promise<boolean>;
  deleteSet(id: string): Promise<boolean>;
}

async function snapshotOf(db: GlossaryDb): Promise<GlossarySnapshot> {
  const tx = db.transaction(['sets', 'terms']);
  const [sets, terms] = await Promise.all([tx.objectStore('sets').getAll(), tx.objectStore('terms').getAll()]);
  await tx.done;
  return { sets, terms };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function createImportService(db: GlossaryDb): ImportService {
  return {
    async previewImport({ text, name }) {
      const parsed = parseGlossaryDocument(text, { name, origin: 'imported' });
      return planImport(parsed, await snapshotOf(db)).preview;
    },

    async importGlossary({ text, name, skipInvalid }) {
      // Parsed again here, never trusted from the page that showed the preview.
      const parsed = parseGlossaryDocument(text, { name, origin: 'imported' });
      if (parsed.error) return { ok: false, preview: planImport(parsed, { sets: [], terms: [] }).preview, message: parsed.error };
      let plan: ImportPlan | undefined;
      let refusal = '';
      const result = await replaceSetsWith(db, (current) => {
        plan = planImport(parsed, current);
        const invalid = plan.preview.counts.invalid;
        if (invalid > 0 && !skipInvalid) {
          refusal = `Nothing was imported: ${plural(invalid, 'row has a problem', 'rows have problems')}. Fix ${invalid === 1 ? 'it' : 'them'}, or choose to skip invalid rows.`;
          return null;
        }
        if (!plan.write) {
          refusal = 'Nothing was imported: the file has no term that can be imported.';
          return null;
        }
        return plan.write;
      });
      if (!result || !plan) return { ok: false, preview: plan?.preview ?? null, message: refusal };
      return {
        ok: true,
        preview: plan.preview,
        added: result.added,
        updated: result.updated,
        removed: result.removed,
        revision: result.revision,
        skipped: plan.preview.counts.invalid,
      };
    },

    async exportGlossary(request) {
      try {
        return exportGlossary(await snapshotOf(db), request);
      } catch (error) {
        if (error instanceof ExportError) throw new Error(error.message);
        throw error;
      }
    },

    async saveMyTerm(input) {
      let check: SaveMyTermResult | undefined;
      await replaceSetsWith(db, (current) => {
        check = checkMyTerm(input, current);
        if (!check.ok) return null;
        const saved = check.term;
        const mine = current.terms.filter((t) => t.sets.includes(MY_TERMS_SET_ID) && t.id !== saved.id);
        const set = current.sets.find((s) => s.id === MY_TERMS_SET_ID) ?? MY_TERMS_SET;
        // Only the my-terms membership is written; replaceSets keeps any other set a term is in.
        return { sets: [set], terms: [...mine, saved].map((t) => ({ ...t, sets: [MY_TERMS_SET_ID] })) };
      });
      return check ?? { ok: false, problems: [{ field: 'form', message: 'The term could not be saved.' }] };
    },

    async deleteMyTerm(id) {
      let found = false;
      await replaceSetsWith(db, (current) => {
        const mine = current.terms.filter((t) => t.sets.includes(MY_TERMS_SET_ID));
        found = mine.some((t) => t.id === id);
        if (!found) return null;
        const set = current.sets.find((s) => s.id === MY_TERMS_SET_ID) ?? MY_TERMS_SET;
        return { sets: [set], terms: mine.filter((t) => t.id !== id).map((t) => ({ ...t, sets: [MY_TERMS_SET_ID] })) };
      });
      return found;
    },

    async deleteSet(id) {
      // Only what the user brought in can be removed; bundled sets are turned off instead.
      const set = await db.get('sets', id);
      if (!set || set.origin !== 'imported') return false;
      await removeSets(db, [id]);
      return true;
    },
  };
}
