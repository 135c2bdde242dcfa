import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Term } from '../../utils/glossary/schema';
import { backlinkIndexOf, buildBacklinkIndex, builtBacklinkIndex } from '../../utils/reader/backlinks';
import { buildCatalog } from '../../utils/reader/catalog';

const t = (id: string, term: string, extra: Partial<Term> = {}): Term => ({
  id,
  term,
  aliases: [],
  abbreviations: [],
  summary: `About ${term}.`,
  body: '',
  sets: ['s'],
  related: [],
  ...extra,
});

const terms = [
  t('open-interest', 'Open Interest', { abbreviations: ['OI'] }),
  t('open-interest-collapse', 'Open Interest Collapse', {
    related: ['open-interest', 'deleted-term'],
    body: 'Open interest falls fast.\n\nA liquidation cascade often comes first.',
  }),
  t('liquidation-cascade', 'Liquidation Cascade', { summary: 'Forced selling in a chain; OI drops.' }),
  t('funding-rate', 'Funding Rate', { body: 'Paid every eight hours. Funding rates spike before an open interest collapse.' }),
  t('call', 'Call', { ambiguous: true }),
  t('covered-call', 'Covered Call', { body: 'You sell a call against shares you own.' }),
  t('self', 'Self Reference', { related: ['self'], body: 'Self Reference is about itself.' }),
];

describe('backlinks: terms that mention this one', () => {
  const index = buildBacklinkIndex(terms);

  it('does not count an abbreviation the text spells out as something else', () => {
    const withPpp = buildBacklinkIndex([
      t('ppp', 'Purchasing Power Parity', { abbreviations: ['PPP'] }),
      t('stimulus', 'Stimulus', { body: 'Loans under the Paycheck Protection Program (PPP) kept firms open.' }),
      t('big-mac-index', 'Big Mac Index', { body: 'A rough PPP test.' }),
    ]);
    expect(withPpp.get('ppp')).toEqual([{ id: 'big-mac-index', term: 'Big Mac Index', via: 'mention' }]);
  });

  it('lists the terms that name it as related first, then those that name it in their text, each A to Z', () => {
    expect(index.get('open-interest')).toEqual([
      { id: 'open-interest-collapse', term: 'Open Interest Collapse', via: 'related' },
      { id: 'liquidation-cascade', term: 'Liquidation Cascade', via: 'mention' },
    ]);
  });

  it('finds mentions like a page highlight would: plurals, abbreviations in capitals, longest match first', () => {
    // "Funding rates spike before an open interest collapse": Open Interest Collapse, not Open Interest.
    expect(index.get('open-interest-collapse')).toEqual([{ id: 'funding-rate', term: 'Funding Rate', via: 'mention' }]);
    expect(index.get('liquidation-cascade')).toEqual([
      { id: 'open-interest-collapse', term: 'Open Interest Collapse', via: 'mention' },
    ]);
  });

  it('leaves out everyday-word names ("a call"), self-references and related ids that do not exist', () => {
    expect(index.get('call')).toBeUndefined();
    expect(index.get('self')).toBeUndefined();
    expect(index.has('deleted-term')).toBe(false);
  });

  it('is built once per catalog (one glossary revision)', () => {
    const catalog = buildCatalog(1, [], terms);
    expect(builtBacklinkIndex(catalog)).toBeUndefined();
    const first = backlinkIndexOf(catalog);
    expect(builtBacklinkIndex(catalog)).toBe(first);
    expect(backlinkIndexOf(catalog)).toBe(first);
    expect(backlinkIndexOf(buildCatalog(2, [], terms))).not.toBe(first);
  });

  it('covers the bundled glossary: Funding Rate has backlinks of both kinds, every related id is one', () => {
    const glossary = compileBundledGlossary(readBundledSources());
    const bundled = buildBacklinkIndex(glossary.terms);
    const links = bundled.get('funding-rate') ?? [];
    expect(links.some((l) => l.via === 'related')).toBe(true);
    expect(links.some((l) => l.via === 'mention')).toBe(true);
    expect(bundled.get('open-interest-collapse')?.length).toBeGreaterThan(0);
    // Every related id in the glossary is a backlink on the other side.
    for (const term of glossary.terms) {
      for (const target of term.related) {
        if (target === term.id) continue;
        expect(bundled.get(target)?.some((l) => l.id === term.id && l.via === 'related'), `${term.id} → ${target}`).toBe(
          true,
        );
      }
    }
  });
});
