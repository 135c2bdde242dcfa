/**
 * The glossary data model and its validators.
 *
 * Everything that enters the glossary (bundled files, feeds, imports) passes
 * through these schemas, so a bad field is reported with its path before any
 * of it is stored.
 */
import * as v from 'valibot';

export const SUMMARY_MAX = 240;
export const TERM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const Slug = v.pipe(
  v.string(),
  v.regex(TERM_ID_PATTERN, 'must be a lowercase slug like "open-interest"'),
  v.maxLength(80, 'must be at most 80 characters'),
);

/** A piece of user-visible text: trimmed, non-empty, bounded. */
const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const SurfaceForm = Text(80);

export const SET_ORIGINS = ['bundled', 'feed', 'imported', 'mine'] as const;
export type SetOrigin = (typeof SET_ORIGINS)[number];

export const TermSchema = v.strictObject({
  id: Slug,
  term: SurfaceForm,
  aliases: v.optional(v.array(SurfaceForm), []),
  abbreviations: v.optional(v.array(SurfaceForm), []),
  summary: Text(SUMMARY_MAX),
  body: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(8000, 'must be at most 8000 characters')), ''),
  sets: v.pipe(v.array(Slug), v.minLength(1, 'must name at least one set')),
  related: v.optional(v.array(Slug), []),
  ambiguous: v.optional(v.boolean()),
});
export type Term = v.InferOutput<typeof TermSchema>;

export const TermSetSchema = v.strictObject({
  id: Slug,
  title: Text(120),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'must be at most 1000 characters')), ''),
  origin: v.picklist(SET_ORIGINS),
  /** Where a feed or import came from (URL or file name); absent for bundled sets. */
  source: v.optional(v.string()),
});
export type TermSet = v.InferOutput<typeof TermSetSchema>;

/**
 * The shape of one bundled source file in `data/sets/`: a set and its terms.
 * A term belongs to the file's set and, through `alsoIn`, to others.
 */
export const SourceTermSchema = v.strictObject({
  ...v.omit(TermSchema, ['sets']).entries,
  alsoIn: v.optional(v.array(Slug), []),
});
export type SourceTerm = v.InferOutput<typeof SourceTermSchema>;

export const SourceSetFileSchema = v.strictObject({
  id: Slug,
  title: Text(120),
  description: Text(1000),
  terms: v.pipe(v.array(SourceTermSchema), v.minLength(1, 'must hold at least one term')),
});
export type SourceSetFile = v.InferOutput<typeof SourceSetFileSchema>;

/** A compiled glossary: what the extension ships and what feeds and exports carry. */
export const GlossarySchema = v.strictObject({
  format: v.literal('termlight-glossary'),
  version: v.literal(1),
  sets: v.array(TermSetSchema),
  terms: v.array(TermSchema),
});
export type Glossary = v.InferOutput<typeof GlossarySchema>;

export interface ValidationProblem {
  /** Dotted path to the bad field, such as `terms[3].summary`. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: ValidationProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Validate `input` against `schema`, returning every problem with its path. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })),
  };
}

export function formatProblems(problems: ValidationProblem[], limit = 10): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('\n');
}
