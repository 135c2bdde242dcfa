/**
 * `npm run build:feed [folder]`: writes the bundled glossary (data/sets) as a
 * static Termlight feed, a manifest and one file per set, into `folder`
 * (default dist/feed/). Host the folder anywhere and subscribe to
 * `<where>/feed.json` in Termlight's options page.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { MANIFEST_FILE, glossaryToFeedFiles } from '../../utils/feeds/feed-files';
import { readBundledSources } from './read-sources';

const out = resolve(process.argv[2] ?? join('dist', 'feed'));
const glossary = compileBundledGlossary(readBundledSources());
const files = await glossaryToFeedFiles(glossary);

// Set files of sets that were removed must not linger beside the new manifest.
rmSync(join(out, 'sets'), { recursive: true, force: true });
for (const file of files) {
  const path = join(out, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text);
}
console.log(
  `Wrote a feed of ${glossary.sets.length} sets and ${glossary.terms.length} terms to ${out}` +
    `\nSubscribe to <where you host it>/${MANIFEST_FILE}`,
);
