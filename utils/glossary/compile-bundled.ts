/**
 * Compiles the bundled source files (`data/sets/*.json`, one per term set)
 * into one glossary. Pure: the caller reads the files, so the same code runs
 * in the build hook, in the feed builder and in unit tests.
 */
import { checkIntegrity } from './integrity';
import {
  GlossarySchema,
  SourceSetFileSchema,
  validate,
  type Glossary,
  type Term,
  type TermSet,
} from './schema';

export interface SourceFile {
  /** Path shown in error messages, such as `data/sets/volatility.json`. */
  name: string;
  text: string;
}

export class GlossaryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bundled glossary has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'GlossaryBuildError';
  }
}

/** Turns `terms[3].summary` into `term "open-interest" (terms[3]) field summary`. */
function describe(path: string, terms: readonly { id?: unknown }[]): string {
  const match = /^terms\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!match) return path;
  const id = terms[Number(match[1])]?.id;
  const label = typeof id === 'string' ? `term "${id}"` : `terms[${match[1]}]`;
  return match[2] ? `${label}, field "${match[2]}"` : label;
}

export function compileBundledGlossary(files: readonly SourceFile[]): Glossary {
  const errors: string[] = [];
  const sets: TermSet[] = [];
  const terms: Term[] = [];
  const fileOfTerm: string[] = [];

  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (error) {
      errors.push(`${file.name}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = validate(SourceSetFileSchema, json);
    if (!parsed.ok) {
      const rawTerms = (json as { terms?: { id?: unknown }[] })?.terms ?? [];
      for (const p of parsed.problems) errors.push(`${file.name}: ${describe(p.path, rawTerms)}: ${p.message}`);
      continue;
    }
    const { id, title, description } = parsed.value;
    sets.push({ id, title, description, origin: 'bundled' });
    for (const { alsoIn, ...term } of parsed.value.terms) {
      terms.push({ ...term, sets: [id, ...alsoIn.filter((s) => s !== id)] });
      fileOfTerm.push(file.name);
    }
  }

  for (const p of checkIntegrity(sets, terms)) {
    const match = /^terms\[(\d+)\]/.exec(p.path);
    const file = match ? fileOfTerm[Number(match[1])] : 'data/sets';
    const index = match ? Number(match[1]) : -1;
    const field = p.path.replace(/^terms\[\d+\]\.?/, '');
    const where = index >= 0 ? `term "${terms[index].id}"${field ? `, field "${field}"` : ''}` : p.path;
    errors.push(`${file}: ${where}: ${p.message}`);
  }
  if (errors.length) throw new GlossaryBuildError(errors);

  const glossary: Glossary = { format: 'termlight-glossary', version: 1, sets, terms };
  const checked = validate(GlossarySchema, glossary);
  if (!checked.ok) throw new GlossaryBuildError(checked.problems.map((p) => `${p.path}: ${p.message}`));
  return checked.value;
}
