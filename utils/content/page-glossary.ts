/**
 * The page's schema.org JSON-LD, for the popup's "Import this page's
 * glossary": the text of each `<script type="application/ld+json">`, as the
 * page wrote it. Nothing here parses or trusts it; the background reads it
 * with the import pipeline, as it reads a file the user picked.
 */
import { utf8Length } from '../import/limits';
import type { PageGlossary } from '../messaging/protocol';

/** All the JSON-LD one page may hand over (a glossary page carries a few kilobytes). */
export const MAX_PAGE_JSON_LD_BYTES = 2 * 1024 * 1024;

const LD_JSON = 'script[type="application/ld+json" i]';

/**
 * The JSON-LD blocks of `doc`, in document order, each whole: a block that
 * would take the total past `maxBytes` is left out (half a JSON document is
 * no use), and `truncated` says so.
 */
export function readPageGlossary(doc: Document, maxBytes = MAX_PAGE_JSON_LD_BYTES): PageGlossary {
  const blocks: string[] = [];
  let total = 0;
  let truncated = false;
  for (const script of doc.querySelectorAll(LD_JSON)) {
    const text = script.textContent ?? '';
    if (!text.trim()) continue;
    // Cheap bound first: a text longer than the cap in UTF-16 code units is longer in UTF-8 bytes too.
    const bytes = text.length > maxBytes ? maxBytes + 1 : utf8Length(text);
    if (total + bytes > maxBytes) {
      truncated = true;
      continue;
    }
    total += bytes;
    blocks.push(text);
  }
  const { origin, pathname } = doc.location ?? { origin: '', pathname: '' };
  return { url: origin && origin !== 'null' ? origin + pathname : '', blocks, truncated };
}
