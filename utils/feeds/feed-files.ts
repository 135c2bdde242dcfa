/**
 * A compiled glossary as a static feed: a manifest (`feed.json`) and one
 * Termlight glossary file per set (`sets/<id>.json`), each with the hash the
 * manifest gives for it. Anyone can host the folder; Termlight downloads
 * only the set files whose hash changed. Pure (the caller writes the files).
 */
import type { Glossary } from '../glossary/schema';
import type { FeedManifest } from './feed-document';
import { sha256Of } from './feed-document';

export interface FeedFile {
  /** Path inside the feed folder, with forward slashes. */
  path: string;
  text: string;
}

export const MANIFEST_FILE = 'feed.json';

export async function glossaryToFeedFiles(glossary: Glossary, title = 'Termlight glossary'): Promise<FeedFile[]> {
  const encoder = new TextEncoder();
  const files: FeedFile[] = [];
  const entries: FeedManifest['sets'] = [];
  for (const set of glossary.sets) {
    // A term lives in the file of its first set (the other sets it names are in the feed too).
    const terms = glossary.terms.filter((t) => t.sets[0] === set.id);
    const file: Glossary = { format: 'termlight-glossary', version: 1, sets: [{ ...set, origin: 'feed' }], terms };
    const text = `${JSON.stringify(file, null, 1)}\n`;
    const path = `sets/${set.id}.json`;
    files.push({ path, text });
    entries.push({ id: set.id, url: path, hash: await sha256Of(encoder.encode(text)), title: set.title, terms: terms.length });
  }
  const manifest: FeedManifest = { format: 'termlight-feed', version: 1, title, sets: entries };
  files.unshift({ path: MANIFEST_FILE, text: `${JSON.stringify(manifest, null, 2)}\n` });
  return files;
}
