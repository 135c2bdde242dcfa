/**
 * The glossary data model and its validators.
 *
 * Everything that enters the glossary (bundled files, feeds, imports) passes
 * through these schemas, so a bad field is reported with its path before any
 * of it is stored.
 */
import * as v from 'valibot';
import { NEEDS_CONTEXT_ABBREVIATIONS, NEEDS_CONTEXT_MARKETS } from './needs-context';

export const SUMMARY_MAX = 240;
export const TERM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const Slug = v.pipe(
  v.string(),
  v.regex(TERM_ID_PATTERN, 'must be a lowercase slug like "open-interest"'),
  v.maxLength(80, 'must be at most 80 characters'),
);

/** Control characters (NUL, bell, escape…); tab and line breaks are text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * What a name must not hold on top: tabs and line breaks, and the invisible
 * and direction-changing characters (zero-width space and joiners, word
 * joiner, soft hyphen, BOM, bidi marks, embeddings, overrides and isolates).
 * With them a name can look like another term's ("\u202eetaR gnidnuF" shows
 * as "Funding Rate") while no page text ever matches it.
 */
const INVISIBLE = /[\t\n\r\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]/;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0xad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'BYTE ORDER MARK',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE` for the first character `pattern` finds. */
function firstOf(pattern: RegExp, input: unknown): string {
  const found = typeof input === 'string' ? pattern.exec(input) : null;
  if (!found) return 'such characters';
  const code = found[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} ${NAMES[code]}` : hex;
}

const noControl = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (text) => !CONTROL.test(text),
  (issue) => `must not contain control characters (found ${firstOf(CONTROL, issue.input)})`,
);

/** A piece of user-visible text: trimmed, non-empty, bounded, no control characters. */
const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    noControl,
  );

/** Text that may be empty (a body, a set description). */
const LongText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`), noControl);

/** A name, alias or abbreviation: what the matcher looks for on a page, so only visible characters. */
const SurfaceForm = v.pipe(
  Text(80),
  v.check<string, (issue: v.CheckIssue<string>) => string>(
    (text) => !INVISIBLE.test(text),
    (issue) => `must not contain tabs, line breaks, or invisible or direction-changing characters (found ${firstOf(INVISIBLE, issue.input)})`,
  ),
);

export const SET_ORIGINS = ['bundled', 'feed', 'imported', 'mine'] as const;
export type SetOrigin = (typeof SET_ORIGINS)[number];

export const TermSchema = v.strictObject({
  id: Slug,
  term: SurfaceForm,
  aliases: v.optional(v.array(SurfaceForm), []),
  abbreviations: v.optional(v.array(SurfaceForm), []),
  summary: Text(SUMMARY_MAX),
  body: v.optional(LongText(8000), ''),
  sets: v.pipe(v.array(Slug), v.minLength(1, 'must name at least one set')),
  related: v.optional(v.array(Slug), []),
  ambiguous: v.optional(v.boolean()),
  /**
   * Its names are also common words or acronyms elsewhere (Slippage, Black
   * Monday): highlighted only on pages where other terms of one of its sets
   * are found too (utils/highlighter/context-gate.ts). `'abbreviations'`:
   * only its abbreviations need that (DOGE, RSI, ECB), its spelled-out names
   * (Dogecoin, Relative Strength Index) light up anywhere. A list of some of
   * its aliases and abbreviations: only those need it ("Dow", "halving"), its
   * other names light up anywhere (imports, feeds and the build refuse a
   * listed form that is none of its aliases and abbreviations). `'markets'`:
   * it waits for other terms of any set, a page about markets (Volatility,
   * also a chemistry word).
   */
  needsContext: v.optional(
    v.union([
      v.boolean(),
      v.literal(NEEDS_CONTEXT_ABBREVIATIONS),
      v.literal(NEEDS_CONTEXT_MARKETS),
      v.pipe(v.array(SurfaceForm), v.minLength(1, 'must list at least one of the term\'s names')),
    ]),
  ),
});
export type Term = v.InferOutput<typeof TermSchema>;

export const TermSetSchema = v.strictObject({
  id: Slug,
  title: Text(120),
  description: v.optional(LongText(1000), ''),
  origin: v.picklist(SET_ORIGINS),
  /** Where a feed or import came from (URL or file name); absent for bundled sets. */
  source: v.optional(v.pipe(v.string(), v.maxLength(2000, 'must be at most 2000 characters'))),
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

/** `text` cut to `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

/**
 * A value as a message shows it: a string quoted and cut to `max`
 * characters, so a 10 MB cell or key never lands in a message whole.
 */
export function shown(value: unknown, max = 60): string {
  if (typeof value === 'string') return JSON.stringify(clip(value, max));
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${clip(String(key), 60)}` : clip(String(key), 60);
  }
  return out || '(root)';
}

/** valibot's message, with the value it quotes ("received …") cut short. */
function messageOf(issue: v.BaseIssue<unknown>): string {
  return issue.received.length > 62 ? issue.message.replace(issue.received, clip(issue.received, 62)) : issue.message;
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
    problems: result.issues.map((issue) => ({ path: pathOf(issue), message: messageOf(issue) })),
  };
}

export function formatProblems(problems: ValidationProblem[], limit = 10): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('\n');
}
