/**
 * Finds the JSON-LD in a document: `<script type="application/ld+json">`
 * blocks of an HTML page (with DOMParser where there is one, a regular
 * expression in the service worker and in Node), or ```json fenced blocks of
 * a text rendering of a page such as the seed files.
 */
export interface JsonLdBlock {
  /** "JSON-LD block 2", for messages. */
  where: string;
  text: string;
}

const SCRIPT_BLOCK = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const FENCED_BLOCK = /```[ \t]*(?:json|jsonld|json-ld|ld\+json)?[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/gi;

export function hasJsonLdScript(text: string): boolean {
  return /<script\b[^>]*application\/ld\+json/i.test(text);
}

function fromHtml(text: string): string[] {
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (Parser) {
    const doc = new Parser().parseFromString(text, 'text/html');
    return [...doc.querySelectorAll('script[type="application/ld+json" i]')].map((s) => s.textContent ?? '');
  }
  return [...text.matchAll(SCRIPT_BLOCK)].map((m) => m[1] ?? '');
}

function fromFences(text: string): string[] {
  return [...text.matchAll(FENCED_BLOCK)]
    .map((m) => m[1] ?? '')
    .filter((block) => /"@(?:context|type|graph)"\s*:/.test(block));
}

export function extractJsonLdBlocks(text: string): JsonLdBlock[] {
  const raw = hasJsonLdScript(text) ? fromHtml(text) : fromFences(text);
  return raw
    .map((block) => block.trim().replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1').replace(/^<!--([\s\S]*)-->$/, '$1').trim())
    .map((block, i) => ({ where: `JSON-LD block ${i + 1}`, text: block }))
    .filter((block) => block.text.length > 0);
}
