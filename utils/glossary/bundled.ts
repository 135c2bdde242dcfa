/**
 * Imports the glossary that ships inside the extension (`glossary.json`,
 * compiled from data/sets at build time) into IndexedDB, but only when it
 * changed since the last import, so an idle restart costs one hash compare.
 */
import { getMeta, replaceSets, setMeta, type ReplaceResult } from '../db/glossary-store';
import type { GlossaryDb } from '../db/schema';
import { hashText } from './hash';
import { GlossarySchema, formatProblems, validate } from './schema';

export async function importBundledGlossary(
  db: GlossaryDb,
  glossaryText: string,
  { force = false } = {},
): Promise<ReplaceResult | 'unchanged'> {
  const hash = hashText(glossaryText);
  if (!force && (await getMeta(db, 'bundledHash')) === hash) return 'unchanged';
  const parsed = validate(GlossarySchema, JSON.parse(glossaryText));
  if (!parsed.ok) throw new Error(`The bundled glossary is invalid:\n${formatProblems(parsed.problems)}`);
  const result = await replaceSets(db, parsed.value, 'bundled');
  await setMeta(db, 'bundledHash', hash);
  return result;
}
