/**
 * Finds the JSON-LD in a document: `<script type="application/ld+json">`
 * blocks of an HTML page (with DOMParser where there is one, a forward scan
 * in the service worker and in Node), or ```json fenced blocks of a text
 * rendering of a page such as the seed files.
 */
export interface JsonLdBlock {
  /** "JSON-LD block 2", for messages. */
  where: string;
  text: string;
}

/*
 * Scanned by hand, not with one regular expression per block: a regular
 * expression such as /<script\b[^>]*…/ or /```…([\s\S]*?)```/ rescans the
 * rest of the text from every opening that is never closed, which made a
 * 20 MB file of "<script " or "```json" take hours. Each scan below moves
 * forward only, and stops at the first opening that nothing closes (none
 * after it can be closed either).
 */
const LD_JSON_TYPE = /\btype\s*=\s*["']?application\/ld\+json/i;

/** `<script …>` elements: the text of each opening tag's attributes, and the body up to `</script>`. */
function scriptElements(text: string): Array<{ attributes: string; body: string }> {
  const open = /<script\b/gi;
  const close = /<\/script\s*>/gi;
  const out: Array<{ attributes: string; body: string }> = [];
  for (let start = open.exec(text); start; start = open.exec(text)) {
    const tagEnd = text.indexOf('>', start.index);
    if (tagEnd === -1) break;
    close.lastIndex = tagEnd + 1;
    const end = close.exec(text);
    if (!end) break;
    out.push({ attributes: text.slice(start.index + start[0].length, tagEnd), body: text.slice(tagEnd + 1, end.index) });
    open.lastIndex = end.index + end[0].length;
  }
  return out;
}

export function hasJsonLdScript(text: string): boolean {
  const open = /<script\b/gi;
  for (let start = open.exec(text); start; start = open.exec(text)) {
    const tagEnd = text.indexOf('>', start.index);
    // Tags that open inside this one end at the same ">", so checking the first covers them.
    const attributes = text.slice(start.index, tagEnd === -1 ? undefined : tagEnd);
    if (/application\/ld\+json/i.test(attributes)) return true;
    if (tagEnd === -1) return false;
    open.lastIndex = tagEnd + 1;
  }
  return false;
}

function fromHtml(text: string): string[] {
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (Parser) {
    const doc = new Parser().parseFromString(text, 'text/html');
    return [...doc.querySelectorAll('script[type="application/ld+json" i]')].map((s) => s.textContent ?? '');
  }
  return scriptElements(text)
    .filter((element) => LD_JSON_TYPE.test(element.attributes))
    .map((element) => element.body);
}

/** ```json fenced blocks of a text rendering of a page. */
function fromFences(text: string): string[] {
  const opening = /```[ \t]*(?:json|jsonld|json-ld|ld\+json)?[ \t]*\r?\n/iy;
  const closing = /\r?\n[ \t]*```/g;
  const blocks: string[] = [];
  for (let at = text.indexOf('```'); at !== -1; ) {
    opening.lastIndex = at;
    if (!opening.test(text)) {
      at = text.indexOf('```', at + 1);
      continue;
    }
    closing.lastIndex = opening.lastIndex;
    const end = closing.exec(text);
    if (!end) break;
    blocks.push(text.slice(opening.lastIndex, end.index));
    at = text.indexOf('```', end.index + end[0].length);
  }
  return blocks.filter((block) => /"@(?:context|type|graph)"\s*:/.test(block));
}

export function extractJsonLdBlocks(text: string): JsonLdBlock[] {
  const raw = hasJsonLdScript(text) ? fromHtml(text) : fromFences(text);
  return raw
    .map((block) => block.trim().replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1').replace(/^<!--([\s\S]*)-->$/, '$1').trim())
    .map((block, i) => ({ where: `JSON-LD block ${i + 1}`, text: block }))
    .filter((block) => block.text.length > 0);
}
