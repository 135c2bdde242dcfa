/**
 * Shared types of the import pipeline: what a parser returns, what a preview
 * shows, what a commit answers. Everything here is plain JSON, so it crosses
 * the message boundary between the options page and the background as is.
 */
import type { Term, TermSet } from '../glossary/schema';

/** Who is bringing the document in: the user (file or paste) or a feed subscription. */
export type ImportOrigin = 'imported' | 'feed';

export interface ImportSource {
  /** File name, feed URL or a label for pasted text; names the default set and is stored as the set's source. */
  name: string;
  origin: ImportOrigin;
}

export type ImportFormat = 'termlight-json' | 'termlight-set' | 'csv' | 'json-ld';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'termlight-json': 'Termlight JSON',
  'termlight-set': 'Termlight set file',
  csv: 'CSV',
  'json-ld': 'schema.org JSON-LD',
};

export interface ImportProblem {
  /** Where in the document: `row 12`, `terms[3].summary`, `hasPart[2].description`. */
  where: string;
  /** What is wrong, in plain words. */
  message: string;
  /** The term's name as written, when there is one, so the user can find it. */
  term?: string;
}

export interface ParseResult {
  format: ImportFormat | null;
  /** Normalized sets: slug ids in the importer's namespace (`imported-…`), origin set. */
  sets: TermSet[];
  /** Normalized, schema-valid terms. */
  terms: Term[];
  /** Where each term of `terms` came from (parallel array). */
  termWhere: string[];
  /** Rows or items that could not be read: each is left out of `terms`, none silently. */
  problems: ImportProblem[];
  /** Things left out on purpose that are not terms (ignored columns, JSON-LD that is not a glossary). */
  notes: string[];
  /** Why nothing at all can be imported (unreadable, too large, too many terms), or null. */
  error: string | null;
}

/** The glossary as stored, as far as an import needs to see it. */
export interface GlossarySnapshot {
  sets: TermSet[];
  terms: Term[];
}

export interface PreviewRow {
  where: string;
  id: string;
  term: string;
  /** Title of the (imported) set the row goes to. */
  set: string;
  /** For changed rows: which fields differ; for removed rows: what happens to the term. */
  detail?: string;
}

export type ConflictKind = 'id' | 'name' | 'alias';

export interface ConflictRow extends PreviewRow {
  kind: ConflictKind;
  /** The existing term the row collides with. */
  existingId: string;
  existingTerm: string;
  /** Titles of the sets that term belongs to. */
  existingSets: string[];
  /** What the import does about it, in plain words. */
  message: string;
}

export interface PreviewSet {
  id: string;
  title: string;
  /** Terms the set will hold after the import (new, changed, unchanged and linked). */
  termCount: number;
  /** An imported set with this id exists and will be replaced. */
  replaces: boolean;
}

export interface ImportPreview {
  format: ImportFormat | null;
  error: string | null;
  sets: PreviewSet[];
  counts: {
    total: number;
    new: number;
    changed: number;
    unchanged: number;
    conflicting: number;
    invalid: number;
    removed: number;
  };
  new: PreviewRow[];
  changed: PreviewRow[];
  unchanged: PreviewRow[];
  conflicting: ConflictRow[];
  invalid: ImportProblem[];
  /** Terms of a replaced imported set that the new document no longer has. */
  removed: PreviewRow[];
  notes: string[];
}

export type ImportOutcome =
  | {
      ok: true;
      preview: ImportPreview;
      added: number;
      updated: number;
      removed: number;
      revision: number;
      /** How many invalid rows were skipped on the user's say-so. */
      skipped: number;
    }
  | { ok: false; preview: ImportPreview | null; message: string };

export type ExportFormat = 'json' | 'csv';

export interface ExportRequest {
  /** Sets to export; all sets when absent or empty. */
  setIds?: string[];
  format: ExportFormat;
}
