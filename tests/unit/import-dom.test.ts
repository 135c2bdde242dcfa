/**
 * In a page (the options page) JSON-LD blocks are found with DOMParser; in the
 * service worker, which has none, with a regular expression. Both must agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractJsonLdBlocks } from '../../utils/import/json-ld-blocks';
import { parseGlossaryDocument } from '../../utils/import/parse';

const PAGE = join(import.meta.dirname, '..', 'e2e', 'pages', 'jsonld-market-panic-selling.html');

/** Just enough of DOMParser for the extractor: the script elements a browser would find. */
class FakeDomParser {
  static calls = 0;
  parseFromString(text: string) {
    FakeDomParser.calls++;
    const scripts = [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    return { querySelectorAll: () => scripts.map((m) => ({ textContent: m[1] })) };
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('JSON-LD in an HTML page', () => {
  it('is read with DOMParser when the context has one', () => {
    vi.stubGlobal('DOMParser', FakeDomParser);
    const blocks = extractJsonLdBlocks(readFileSync(PAGE, 'utf8'));
    expect(FakeDomParser.calls).toBe(1);
    expect(blocks.map((b) => b.where)).toEqual(['JSON-LD block 1', 'JSON-LD block 2']);
  });

  it('gives the same result without DOMParser, as in the service worker', () => {
    const text = readFileSync(PAGE, 'utf8');
    vi.stubGlobal('DOMParser', FakeDomParser);
    const withDom = parseGlossaryDocument(text, { name: 'page.html', origin: 'imported' });
    vi.unstubAllGlobals();
    expect(globalThis.DOMParser).toBeUndefined();
    const withoutDom = parseGlossaryDocument(text, { name: 'page.html', origin: 'imported' });
    expect(withoutDom).toEqual(withDom);
    expect(withDom.terms).toHaveLength(5);
  });

  it('finds blocks whatever the attribute quoting and order', () => {
    const html = `<script id=x type='application/ld+json'>{"@type":"Thing"}</script><script type=application/ld+json >{"@type":"Thing"}</SCRIPT>`;
    expect(extractJsonLdBlocks(html).map((b) => b.text)).toEqual(['{"@type":"Thing"}', '{"@type":"Thing"}']);
  });
});
