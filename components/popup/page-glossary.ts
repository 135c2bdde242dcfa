/**
 * "Import this page's glossary": the page's JSON-LD blocks become one
 * document the import pipeline already reads (an HTML page whose
 * `<script type="application/ld+json">` blocks are the page's, in order), so
 * the background parses, previews and imports it exactly as it would the
 * saved page, block by block, with the same limits and messages.
 */
import type { ImportOutcome, ImportPreview } from '../../utils/import/types';

/**
 * One block, safe inside a `<script>`: a `<` can only sit inside a JSON
 * string, where `\u003c` is the same character, so `</script>` or `<!--` in
 * a value can no longer end the block or swallow the next one. U+FFFD is
 * written the same way: the pipeline reads a raw one as a file that was not
 * UTF-8, and a page may carry one in its text.
 */
function inertBlock(block: string): string {
  return block
    .trim()
    .replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1')
    .replace(/^<!--([\s\S]*)-->$/, '$1')
    .replace(/</g, '\\u003c')
    .replace(/\uFFFD/g, '\\ufffd');
}

/** The page's JSON-LD blocks as one HTML document for `previewImport` / `importGlossary`. */
export function pageGlossaryDocument(blocks: readonly string[]): string {
  const scripts = blocks.map((block) => `<script type="application/ld+json">\n${inertBlock(block)}\n</script>`);
  return `<!doctype html>\n<html><head>\n${scripts.join('\n')}\n</head><body></body></html>\n`;
}

/** How many terms the page offers: those the pipeline could read (invalid items are counted apart). */
export function offeredTerms(preview: ImportPreview): number {
  return preview.error ? 0 : Math.max(0, preview.counts.total - preview.counts.invalid);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "Market Panic Selling", or "Market Panic Selling" and "Options" for a page with two sets. */
export function setTitles(preview: ImportPreview): string {
  return preview.sets.map((s) => `“${s.title}”`).join(', ') || 'a new set';
}

/** What an import did, in one sentence (the numbers of the options page's message). */
export function importedMessage(outcome: Extract<ImportOutcome, { ok: true }>): string {
  const { counts } = outcome.preview;
  const parts = [
    `${count(counts.new)} new`,
    `${count(counts.changed)} changed`,
    `${count(counts.unchanged)} unchanged`,
    `${count(counts.conflicting)} already known and linked`,
  ];
  if (counts.removed) parts.push(`${count(counts.removed)} removed`);
  const skipped = outcome.skipped
    ? ` ${count(outcome.skipped)} invalid ${outcome.skipped === 1 ? 'item was' : 'items were'} left out.`
    : '';
  return `Imported into ${setTitles(outcome.preview)}: ${parts.join(', ')}.${skipped}`;
}
