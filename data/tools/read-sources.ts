/** Reads the bundled glossary sources from `data/sets/` (Node only: build, scripts, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../../utils/glossary/compile-bundled';

/**
 * `TERMLIGHT_DATA_DIR` points the build at another folder of set files (tests
 * use it to prove that a malformed file fails the build).
 */
export const DATA_DIR = process.env.TERMLIGHT_DATA_DIR ?? join(import.meta.dirname, '..', 'sets');

export function readBundledSources(dir = DATA_DIR): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      name: relative(process.cwd(), join(dir, name)),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}
