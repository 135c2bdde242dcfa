/**
 * `npm run check:glossary`: compiles data/sets/*.json and prints every problem
 * (schema, duplicate ids or surface forms, dangling related ids) or a summary.
 */
import { compileBundledGlossary, GlossaryBuildError } from '../../utils/glossary/compile-bundled';
import { readBundledSources } from './read-sources';

try {
  const glossary = compileBundledGlossary(readBundledSources());
  for (const set of glossary.sets) {
    const count = glossary.terms.filter((t) => t.sets.includes(set.id)).length;
    console.log(`${String(count).padStart(4)}  ${set.id}  (${set.title})`);
  }
  console.log(`${String(glossary.terms.length).padStart(4)}  terms in ${glossary.sets.length} sets: OK`);
} catch (error) {
  if (error instanceof GlossaryBuildError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
