/**
 * The validators at the feed's trust boundary: what a downloaded document is
 * (a Termlight glossary, a feed manifest, schema.org JSON-LD), and whether it
 * is well formed, with every problem named by file and field. Pure.
 *
 * Feed manifest (`termlight-feed`, version 1):
 *
 *     { "format": "termlight-feed", "version": 1, "title": "…",
 *       "sets": [{ "id": "volatility", "url": "sets/volatility.json", "hash": "sha256:…" }] }
 *
 * Each set file is a Termlight glossary holding exactly that one set; a set
 * is downloaded again only when its `version` or `hash` changes.
 */
import * as v from 'valibot';
import {
  GlossarySchema,
  TERM_ID_PATTERN,
  validate,
  type Glossary,
  type Term,
  type ValidationProblem,
} from '../glossary/schema';
import { isStackOverflow, nestingProblem } from '../import/limits';
import { FeedError } from './feed-error';
import { errorMessage } from '../error-message';

const Slug = v.pipe(
  v.string(),
  v.regex(TERM_ID_PATTERN, 'must be a lowercase slug like "volatility"'),
  v.maxLength(80, 'must be at most 80 characters'),
);

const ManifestSetSchema = v.pipe(
  v.strictObject({
    id: Slug,
    url: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(2000, 'must be at most 2000 characters')),
    version: v.optional(v.union([v.pipe(v.string(), v.nonEmpty('must not be empty')), v.number()], 'must be a string or a number')),
    hash: v.optional(v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 lowercase hex digits'))),
    title: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120, 'must be at most 120 characters'))),
    /** Informational: how many terms the set file holds. */
    terms: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  v.check((set) => set.version !== undefined || set.hash !== undefined, 'needs a "version" or a "hash", so Termlight can tell when it changes'),
);
export type ManifestSet = v.InferOutput<typeof ManifestSetSchema>;

export const FeedManifestSchema = v.strictObject({
  format: v.literal('termlight-feed'),
  version: v.literal(1, 'must be 1 (this Termlight reads feed manifests of version 1)'),
  title: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120, 'must be at most 120 characters'))),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'must be at most 1000 characters'))),
  sets: v.pipe(
    v.array(ManifestSetSchema),
    v.minLength(1, 'must list at least one set'),
    v.maxLength(500, 'must list at most 500 sets'),
  ),
});
export type FeedManifest = v.InferOutput<typeof FeedManifestSchema>;

/** A manifest set with its file's absolute URL. */
export interface ResolvedManifestSet extends ManifestSet {
  url: string;
}

export type FeedDocument =
  | { kind: 'termlight-glossary'; json: unknown }
  | { kind: 'termlight-feed'; json: unknown }
  | { kind: 'json-ld' };

function jsonErrorMessage(error: unknown, text: string): string {
  const message = errorMessage(error);
  if (/end of (JSON )?(data|input)|Unterminated string/i.test(message)) {
    return 'The feed ends too early: the file is incomplete or the download was cut off. Nothing was changed.';
  }
  let where = '';
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  if (lineCol) where = ` at line ${lineCol[1]}, column ${lineCol[2]}`;
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    where = ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  const what = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return `The feed is not valid JSON${where} (${what}). Nothing was changed.`;
}

/** JSON.parse with a plain-language error. */
export function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new FeedError('malformed', 'The feed is empty. Nothing was changed.');
  // Before JSON.parse: code that walks a document 100,000 levels deep overflows the stack.
  const tooDeep = nestingProblem(body);
  if (tooDeep) throw new FeedError('malformed', `The feed ${tooDeep}, which no glossary needs, so it was not read. Nothing was changed.`);
  try {
    return JSON.parse(body);
  } catch (error) {
    if (isStackOverflow(error)) throw new FeedError('malformed', 'The feed is nested too deeply for Termlight to read. Nothing was changed.');
    throw new FeedError('malformed', jsonErrorMessage(error, body));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function looksLikeJsonLd(json: unknown): boolean {
  const nodes = Array.isArray(json) ? json : [json];
  return nodes.some((node) => isRecord(node) && ('@context' in node || '@type' in node || '@graph' in node));
}

/** Which kind of document a feed URL served. HTML pages (with JSON-LD blocks) count as JSON-LD. */
export function detectFeedDocument(text: string): FeedDocument {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('<')) return { kind: 'json-ld' };
  const json = parseJson(text);
  if (isRecord(json) && json.format === 'termlight-feed') return { kind: 'termlight-feed', json };
  if (isRecord(json) && json.format === 'termlight-glossary') return { kind: 'termlight-glossary', json };
  if (looksLikeJsonLd(json)) return { kind: 'json-ld' };
  throw new FeedError(
    'unsupported',
    'This address does not serve a glossary Termlight can read. A feed is a Termlight feed manifest ("format": "termlight-feed"), ' +
      'a Termlight glossary ("format": "termlight-glossary") or schema.org JSON-LD with a DefinedTermSet.',
  );
}

export function describeProblems(problems: readonly ValidationProblem[], file = ''): string[] {
  return problems.map((p) => `${file ? `${file}: ` : ''}${p.path}: ${p.message}`);
}

function invalid(summary: string, details: string[]): FeedError {
  const count = details.length;
  return new FeedError('invalid', `${summary} has ${count} problem${count === 1 ? '' : 's'}, so nothing was changed.`, {
    details: details.slice(0, 50).concat(count > 50 ? [`… and ${count - 50} more`] : []),
  });
}

function tooManyTerms(count: number, max: number): FeedError {
  return new FeedError(
    'too-many-terms',
    `The feed holds ${count.toLocaleString('en-US')} terms; Termlight accepts at most ${max.toLocaleString('en-US')} per feed. Nothing was changed.`,
  );
}

export function checkTermCount(count: number, max: number): void {
  if (count > max) throw tooManyTerms(count, max);
}

/** Sets in a feed need not say `origin`: whatever they say, they are stored as feed sets. */
function withFeedOrigin(json: unknown): unknown {
  if (!isRecord(json) || !Array.isArray(json.sets)) return json;
  return { ...json, sets: json.sets.map((set) => (isRecord(set) && !('origin' in set) ? { ...set, origin: 'feed' } : set)) };
}

/**
 * A Termlight glossary document, validated field by field (`file` names it in
 * messages). The term cap is checked before the schema, so a huge file is
 * refused without validating all of it.
 */
export function validateGlossaryDocument(json: unknown, file: string, maxTerms: number): Glossary {
  if (isRecord(json) && Array.isArray(json.terms)) checkTermCount(json.terms.length, maxTerms);
  const parsed = validate(GlossarySchema, withFeedOrigin(json));
  if (!parsed.ok) throw invalid(file ? `The file ${file}` : 'The feed', describeProblems(parsed.problems, file));
  if (parsed.value.sets.length === 0) throw new FeedError('invalid', `${file ? `The file ${file}` : 'The feed'} holds no term sets. Nothing was changed.`);
  return parsed.value;
}

/**
 * One set file of a manifest: a glossary with exactly the set the manifest
 * names, every term in it. The set's id is moved to the front of each term's
 * `sets`: the first set of a term is the file it comes from, which is how a
 * later sync knows which terms to replace when only that file changed.
 */
export function validateSetFile(json: unknown, entry: ResolvedManifestSet, file: string, maxTerms: number): Glossary {
  const glossary = validateGlossaryDocument(json, file, maxTerms);
  const problems: string[] = [];
  if (glossary.sets.length !== 1 || glossary.sets[0].id !== entry.id) {
    problems.push(
      `${file}: sets: must hold exactly one set, "${entry.id}" (as the manifest says); it holds ${glossary.sets.map((s) => `"${s.id}"`).join(', ') || 'none'}`,
    );
  }
  glossary.terms.forEach((term, i) => {
    if (!term.sets.includes(entry.id)) problems.push(`${file}: terms[${i}].sets: "${term.id}" must belong to "${entry.id}", the set of this file`);
  });
  if (problems.length) throw invalid(`The file ${file}`, problems);
  return {
    ...glossary,
    terms: glossary.terms.map((term): Term => ({ ...term, sets: [entry.id, ...term.sets.filter((s) => s !== entry.id)] })),
  };
}

/** A manifest: schema, unique set ids, set files on the manifest's own site (the one the user allowed). */
export function validateManifest(json: unknown, manifestUrl: string): { manifest: FeedManifest; sets: ResolvedManifestSet[] } {
  const parsed = validate(FeedManifestSchema, json);
  if (!parsed.ok) throw invalid('The feed manifest', describeProblems(parsed.problems));
  const manifest = parsed.value;
  const problems: string[] = [];
  const base = new URL(manifestUrl);
  const seen = new Map<string, number>();
  const sets = manifest.sets.map((set, i): ResolvedManifestSet => {
    const first = seen.get(set.id);
    if (first !== undefined) problems.push(`sets[${i}].id: duplicate set id "${set.id}" (first listed at sets[${first}])`);
    else seen.set(set.id, i);
    let url = '';
    try {
      const resolved = new URL(set.url, base);
      resolved.hash = '';
      url = resolved.href;
      if (resolved.origin !== base.origin) {
        problems.push(`sets[${i}].url: must be on the feed's own site (${base.origin}), the one you allowed Termlight to read`);
      }
    } catch {
      problems.push(`sets[${i}].url: "${set.url}" is not a valid address`);
    }
    return { ...set, url };
  });
  if (problems.length) throw invalid('The feed manifest', problems);
  return { manifest, sets };
}

/** `sha256:<hex>` of a file's bytes, the form a manifest's `hash` takes. */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
