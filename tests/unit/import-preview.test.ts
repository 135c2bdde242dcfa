import { describe, expect, it } from 'vitest';
import type { Term, TermSet } from '../../utils/glossary/schema';
import { checkIntegrity } from '../../utils/glossary/integrity';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { planImport, previewImport } from '../../utils/import/preview';
import type { GlossarySnapshot } from '../../utils/import/types';
import { makeTerm } from '../support/make-term';

const term = (id: string, name: string, sets: string[], extra: Partial<Term> = {}): Term =>
  makeTerm({ id, term: name, sets, summary: `About ${name}, in the bundled words.`, ...extra });
const set = (id: string, title: string, origin: TermSet['origin'] = 'bundled'): TermSet => ({ id, title, description: '', origin });

const existing: GlossarySnapshot = {
  sets: [set('market-panic-selling', 'Market Panic Selling and Contagion'), set('perpetual-futures', 'Perpetual Futures')],
  terms: [
    term('open-interest-collapse', 'Open Interest Collapse', ['market-panic-selling'], { aliases: ['OI collapse'] }),
    term('funding-rate', 'Funding Rate', ['perpetual-futures'], { aliases: ['perp funding'] }),
  ],
};

const csv = (rows: string[]) => parseGlossaryDocument(['term,definition,aliases,set', ...rows].join('\n'), { name: 'desk.csv', origin: 'imported' });

describe('the import preview', () => {
  it('sorts rows into new, conflicting (by id, by name, by alias) and invalid, with a reason for each', () => {
    const preview = previewImport(
      csv([
        'Open Interest Collapse,Our own words for it.,,Desk',
        'OI Collapse,Another row for the same idea.,,Desk',
        'Widget Spread,The gap between two widget prices.,perp funding; widget gap,Desk',
        'Desk Fade,Trading against what the desk expects.,,Desk',
        'Broken Row,,,Desk',
      ]),
      existing,
    );
    expect(preview.counts).toEqual({ total: 5, new: 2, changed: 0, unchanged: 0, conflicting: 3, invalid: 1, removed: 0 });
    expect(preview.new.map((r) => r.term)).toEqual(['Widget Spread', 'Desk Fade']);
    expect(preview.conflicting.map((c) => [c.where, c.kind, c.existingId, c.existingSets])).toEqual([
      ['row 2', 'id', 'open-interest-collapse', ['Market Panic Selling and Contagion']],
      ['row 3', 'name', 'open-interest-collapse', ['Market Panic Selling and Contagion']],
      ['row 4', 'alias', 'funding-rate', ['Perpetual Futures']],
    ]);
    expect(preview.conflicting[0].message).toBe(
      '"Open Interest Collapse" is already in Market Panic Selling and Contagion; that definition is kept and the term is added to this set.',
    );
    expect(preview.conflicting[2].message).toBe('"perp funding" already belongs to "Funding Rate"; the term is imported without it.');
    expect(preview.invalid).toEqual([{ where: 'row 6', message: 'definition must not be empty', term: 'Broken Row' }]);
    expect(preview.sets).toEqual([{ id: 'imported-desk', title: 'Desk', termCount: 3, replaces: false }]);
  });

  it('never rewrites a term of another set: it links the existing term into the imported set', () => {
    const { write } = planImport(csv(['Open Interest Collapse,Our own words for it.,,Desk', 'Desk Fade,Trading against the desk.,,Desk']), existing);
    const linked = write!.terms.find((t) => t.id === 'open-interest-collapse')!;
    expect(linked.summary).toBe('About Open Interest Collapse, in the bundled words.');
    expect(linked.sets).toEqual(['imported-desk']);
    expect(write!.sets.map((s) => s.id)).toEqual(['imported-desk']);
  });

  it('what it writes keeps every word with one owner', () => {
    const { write } = planImport(
      csv(['OI Collapse,Another row.,,Desk', 'Widget Spread,The gap.,perp funding,Desk', 'Desk Fade,Trading against the desk.,,Desk']),
      existing,
    );
    // The glossary after the import: existing terms plus what is written (memberships unioned).
    const after = new Map(existing.terms.map((t) => [t.id, t]));
    for (const t of write!.terms) {
      const old = after.get(t.id);
      after.set(t.id, { ...t, sets: [...new Set([...t.sets, ...(old?.sets ?? [])])] });
    }
    expect(checkIntegrity([...existing.sets, ...write!.sets], [...after.values()])).toEqual([]);
  });

  it('shows re-importing a set as changed, unchanged and removed terms', () => {
    const before: GlossarySnapshot = {
      sets: [...existing.sets, { ...set('imported-desk', 'Desk', 'imported'), source: 'desk.csv' }],
      terms: [
        ...existing.terms,
        term('desk-fade', 'Desk Fade', ['imported-desk'], { summary: 'Trading against the desk.' }),
        term('widget-spread', 'Widget Spread', ['imported-desk'], { summary: 'Old words.' }),
        term('desk-chase', 'Desk Chase', ['imported-desk'], { summary: 'Buying after the desk.' }),
      ],
    };
    const preview = previewImport(csv(['Desk Fade,Trading against the desk.,,Desk', 'Widget Spread,New words.,,Desk']), before);
    expect(preview.unchanged.map((r) => r.id)).toEqual(['desk-fade']);
    expect(preview.changed).toEqual([{ where: 'row 3', id: 'widget-spread', term: 'Widget Spread', set: 'Desk', detail: 'changes summary' }]);
    expect(preview.removed).toEqual([{ where: '', id: 'desk-chase', term: 'Desk Chase', set: 'Desk', detail: 'deleted: no longer in the file' }]);
    expect(preview.sets[0].replaces).toBe(true);
  });

  it('names a changed flag the way a reader would say it', () => {
    const before: GlossarySnapshot = {
      sets: [...existing.sets, { ...set('imported-desk', 'Desk', 'imported'), source: 'desk.csv' }],
      terms: [...existing.terms, term('doge-widget', 'DOGE Widget', ['imported-desk'], { summary: 'A coin.' })],
    };
    const text = 'term,definition,set,needs context\nDOGE Widget,A coin.,Desk,yes\n';
    const preview = previewImport(parseGlossaryDocument(text, { name: 'desk.csv', origin: 'imported' }), before);
    expect(preview.changed.map((r) => r.detail)).toEqual(['changes needs context']);
  });

  it('reports related terms that exist nowhere as invalid, and follows links for those that do', () => {
    const text = JSON.stringify({
      format: 'termlight-glossary',
      version: 1,
      sets: [{ id: 'desk', title: 'Desk', origin: 'imported' }],
      terms: [
        { id: 'oi-collapse', term: 'OI Collapse', summary: 'Same as the bundled one.', sets: ['desk'] },
        { id: 'desk-fade', term: 'Desk Fade', summary: 'Trading against the desk.', sets: ['desk'], related: ['oi-collapse', 'funding-rate'] },
        { id: 'desk-chase', term: 'Desk Chase', summary: 'Buying after the desk.', sets: ['desk'], related: ['nowhere'] },
      ],
    });
    const plan = planImport(parseGlossaryDocument(text, { name: 'desk.json', origin: 'imported' }), existing);
    expect(plan.preview.invalid).toEqual([
      { where: 'terms[2]', term: 'Desk Chase', message: 'related term "nowhere" is neither in this file nor in your glossary' },
    ]);
    expect(plan.write!.terms.find((t) => t.id === 'desk-fade')!.related).toEqual(['open-interest-collapse', 'funding-rate']);
  });

  it('carries a whole-file error through with nothing to write', () => {
    const plan = planImport(parseGlossaryDocument('{"format":"termlight-glossary","version":3}', { name: 'x.json', origin: 'imported' }), existing);
    expect(plan.preview.error).toMatch(/version 3/);
    expect(plan.write).toBeNull();
  });
});
