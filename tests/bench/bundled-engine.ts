/**
 * The page engine as the benchmark and the glossary hunt run it, outside the
 * extension: the bundled glossary, the payload the background would send a
 * page for it (every set on, ambiguous names left out, as by default), and
 * page-engine-entry.ts bundled for a page to evaluate.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { readBundledSources } from '../../data/tools/read-sources';
import { compilePagePayload } from '../../utils/background/page-payload';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { BenchEngine } from './page-engine-entry';

export const bundledGlossary = compileBundledGlossary(readBundledSources());

/** The matcher and context rules the background builds and hands every tab, as JSON text: each page parses it, as a message brings it. */
export function engineTextOf(glossary = bundledGlossary): string {
  const { matcher, context } = compilePagePayload(glossary.terms, { includeAmbiguous: false, disabledSets: new Set() });
  const engine: BenchEngine = { matcher, context };
  return JSON.stringify(engine);
}

/** page-engine-entry.ts as one script for `page.evaluate`. */
export async function pageEngineCode({ minify }: { minify: boolean }): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'page-engine-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify,
  });
  return out.outputFiles[0].text;
}
