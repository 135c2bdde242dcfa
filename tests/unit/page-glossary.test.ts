// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offeredTerms, pageGlossaryDocument } from '../../components/popup/page-glossary';
import { readPageGlossary } from '../../utils/content/page-glossary';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { planImport } from '../../utils/import/preview';

const PAGE = readFileSync(join(import.meta.dirname, '..', 'e2e', 'pages', 'jsonld-market-panic-selling.html'), 'utf8');
const source = { name: 'http://127.0.0.1/pages/jsonld-market-panic-selling.html', origin: 'imported' as const };

function ldScript(text: string, type = 'application/ld+json'): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = type;
  script.textContent = text;
  return script;
}

const glossary = (description: string) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    name: 'Desk Words',
    hasDefinedTerm: [{ '@type': 'DefinedTerm', name: 'Desk Term', description }],
  });

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe("the page's JSON-LD, as the content script reads it", () => {
  it('hands over every JSON-LD block as written, in order, and nothing else', () => {
    document.head.append(ldScript('{"@type": "BreadcrumbList"}'), ldScript('  '), ldScript('{"a": 1}', 'text/javascript'));
    document.body.append(ldScript('{"@type": "DefinedTermSet"}'));
    const page = readPageGlossary(document);
    expect(page.blocks).toEqual(['{"@type": "BreadcrumbList"}', '{"@type": "DefinedTermSet"}']);
    expect(page.truncated).toBe(false);
  });

  it('stops at the size cap with whole blocks, and says some were left out', () => {
    const big = `{"x": "${'é'.repeat(400)}"}`; // 800 bytes of UTF-8 in 400 characters
    document.head.append(ldScript(big), ldScript(big), ldScript('{"small": true}'));
    const page = readPageGlossary(document, 1000);
    expect(page.blocks).toEqual([big, '{"small": true}']);
    expect(page.truncated).toBe(true);
    expect(readPageGlossary(document, 100).blocks).toEqual(['{"small": true}']);
  });
});

describe("importing a page's JSON-LD through the import pipeline", () => {
  const blocksOf = (html: string) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');

  for (const where of ['in the service worker (no DOMParser)', 'with DOMParser'] as const) {
    it(`reads the seed-shaped page as its five terms ${where}`, () => {
      const blocks = blocksOf(PAGE);
      if (where.startsWith('in the service worker')) vi.stubGlobal('DOMParser', undefined);
      const parsed = parseGlossaryDocument(pageGlossaryDocument(blocks), source);
      expect(parsed.error).toBeNull();
      expect(parsed.format).toBe('json-ld');
      expect(parsed.sets.map((s) => s.title)).toEqual(['Market Panic Selling']);
      expect(parsed.terms.map((t) => t.term)).toEqual([
        'Volatility-Triggered Pauses',
        'Market Sentiment Contagion',
        'Diversification Failure',
        'Open Interest Collapse',
        'Liquidity Contagion Dynamics',
      ]);
      const { preview } = planImport(parsed, { sets: [], terms: [] });
      expect(offeredTerms(preview)).toBe(5);
    });

    it(`keeps text that would end a script block as text ${where}`, () => {
      const description = 'Ends here </script><script type="application/ld+json">{"@type":"DefinedTerm","name":"Smuggled","description":"x"}</script> <!--<script> and a \uFFFD.';
      if (where.startsWith('in the service worker')) vi.stubGlobal('DOMParser', undefined);
      const parsed = parseGlossaryDocument(pageGlossaryDocument([glossary(description), '<!-- {"@type": "BreadcrumbList"} -->']), source);
      expect(parsed.error).toBeNull();
      expect(parsed.terms.map((t) => t.term)).toEqual(['Desk Term']);
      expect(parsed.problems).toEqual([]);
      expect(parsed.terms[0].summary).toContain('Ends here');
    });
  }

  it('reports a broken block by its number and still reads the others', () => {
    const parsed = parseGlossaryDocument(pageGlossaryDocument(['{"@type": "DefinedTermSet", ', glossary('A term for the test.')]), source);
    expect(parsed.terms.map((t) => t.term)).toEqual(['Desk Term']);
    expect(parsed.problems).toEqual([expect.objectContaining({ where: 'JSON-LD block 1' })]);
  });

  it('offers nothing for a page whose JSON-LD is not a glossary', () => {
    const parsed = parseGlossaryDocument(pageGlossaryDocument(['{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Fed holds rates"}']), source);
    expect(offeredTerms(planImport(parsed, { sets: [], terms: [] }).preview)).toBe(0);
  });
});
