/**
 * Issue 10, hostile glossary input. Every file of tests/fixtures/hostile/
 * goes through every way a glossary gets in: `parseGlossaryDocument`, the
 * import preview, the import write (refusing on any problem, then skipping
 * invalid rows) and a feed subscription served by a fake server. For EVERY
 * input the harness (tests/fixtures/hostile/harness.ts) checks that nothing
 * throws, that the seeded glossary is still there word for word, that no
 * prototype is polluted, that everything stored passes the glossary schema,
 * and that every message is short and plain. Each test adds what its input
 * must give: a clear error naming where and what, or a safe result.
 *
 * The huge and deeply nested inputs are generated at run time in
 * hostile-huge.test.ts; formula injection on export is hostile-export.test.ts;
 * feed-only inputs (manifests, feed addresses) are hostile-feed.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Term } from '../../utils/glossary/schema';
import {
  feedError,
  feedTerms,
  newTerms,
  problemsOf,
  runEverywhere,
  runFixture,
  type Trip,
} from '../fixtures/hostile/harness';

const imported = (trip: Trip, id: string): Term | undefined => trip.imported.terms.find((t) => t.id === id);
const fed = (trip: Trip, id: string): Term | undefined => feedTerms(trip).find((t) => t.id === id);

/** The term is stored with `field` exactly as written, by the import and by the feed. */
function expectLiteral(trip: Trip, id: string, field: keyof Term, value: unknown): void {
  expect(trip.strict.ok, 'the import goes through without skipping anything').toBe(true);
  expect(imported(trip, id)?.[field]).toEqual(value);
  expect(trip.feed.ok, 'the feed is accepted').toBe(true);
  expect(fed(trip, id)?.[field]).toEqual(value);
}

/** Nothing stored anywhere reads like leaked JavaScript. */
function expectNoLeaks(trip: Trip): void {
  for (const stored of [trip.imported, trip.fed]) {
    expect(JSON.stringify(stored)).not.toMatch(/function Object|native code|\[object Object\]|undefined/);
  }
}

describe('markup in a text field is stored as literal text (the UI renders it as text)', () => {
  it('a term name that is a <script> tag is stored as literal text', async () => {
    const trip = await runFixture('xss-term-name.json');
    expectLiteral(trip, 'script-rate', 'term', "<script>alert('term')</script>");
  });

  it('aliases with <svg onload> and attribute-breaking "><img onerror> payloads are stored as literal text', async () => {
    const trip = await runFixture('xss-aliases.json');
    expectLiteral(trip, 'svg-spread', 'aliases', ["<svg onload=alert('alias')>", '"><img src=x onerror=alert(2)>']);
  });

  it('abbreviations with <b> and <style> tags are stored as literal text', async () => {
    const trip = await runFixture('xss-abbreviations.json');
    expectLiteral(trip, 'bold-ratio', 'abbreviations', ['<b>BR</b>', '<style>*{display:none}</style>']);
  });

  it('a summary with an <img onerror> payload is stored as literal text', async () => {
    const trip = await runFixture('xss-summary.json');
    expectLiteral(trip, 'onerror-basis', 'summary', '<img src=x onerror=alert(document.cookie)> is what this summary says.');
  });

  it('a body with an <iframe srcdoc>, a javascript: link and template syntax is stored as literal text', async () => {
    const trip = await runFixture('xss-body.json');
    expectLiteral(
      trip,
      'iframe-premium',
      'body',
      '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>\n\n<a href="javascript:alert(1)">click</a> {{constructor.constructor(\'alert(1)\')()}} ${alert(1)}',
    );
  });

  it('a set title and description made of markup are stored as literal text', async () => {
    const trip = await runFixture('xss-set-title.json');
    expect(trip.strict.ok).toBe(true);
    const set = trip.imported.sets.find((s) => s.id === 'imported-hostile');
    expect(set).toMatchObject({
      title: '"><script>alert(\'set\')</script>',
      description: '<a href="javascript:alert(1)" onmouseover="alert(2)">Set description</a><!--',
      origin: 'imported',
      source: 'xss-set-title.json',
    });
    expect(trip.feed.ok).toBe(true);
    expect(trip.fed.sets.find((s) => s.origin === 'feed')?.title).toBe('"><script>alert(\'set\')</script>');
  });

  it('a related cell naming a term with markup links to it by slug; a related payload nobody has is reported by row', async () => {
    const trip = await runFixture('xss-related.csv');
    expect(problemsOf(trip)).toEqual(['row 3: related term "img-src-x-onerror-alert-1" is neither in this file nor in your glossary']);
    expect(trip.strict).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing was imported: 1 row has a problem/) });
    expect(imported(trip, 'b-bold-rate-b')?.term).toBe('<b>Bold Rate</b>');
    expect(imported(trip, 'pointer-spread')).toBeUndefined();
    expect(feedError(trip)?.code).toBe('malformed'); // a CSV is not a feed
  });

  it('a CSV with markup in every column stores every cell as literal text', async () => {
    const trip = await runFixture('xss-everywhere.csv');
    expect(trip.strict.ok).toBe(true);
    const [term] = newTerms(trip);
    expect(term).toMatchObject({
      term: '<script>alert(1)</script>',
      aliases: ['<svg/onload=alert(2)>'],
      abbreviations: ['<i>XSS</i>'],
      summary: '<img src=x onerror=alert(1)> says the definition.',
      body: '<iframe src="javascript:alert(3)"></iframe>',
    });
    const set = trip.imported.sets.find((s) => s.id === term.sets[0]);
    expect(set).toMatchObject({ title: "<script>alert('set')</script>", description: '<a href=javascript:alert(4)>desc</a>' });
  });

  it('JSON-LD markup is reduced to plain text, and markup written as entities is decoded once into literal text', async () => {
    const trip = await runFixture('xss-jsonld.html');
    expect(trip.strict.ok).toBe(true);
    expect(imported(trip, 'markup-spread')).toMatchObject({
      term: 'Markup Spread',
      aliases: ['markup gap'],
      summary: 'A definition alert(4) with tags.',
    });
    // Decoded once: "&lt;img…&gt;" is the text "<img…>", not a tag to drop; "&constructor;" is not an entity.
    expect(imported(trip, 'entity-ratio')?.summary).toBe('<img src=x onerror=alert(5)> is written with entities, &constructor; & <script>.');
    expect(trip.imported.sets.find((s) => s.source === 'xss-jsonld.html')?.title).toBe("alert('set') Hostile Page Terms");
    expect(fed(trip, 'entity-ratio')?.summary).toBe(imported(trip, 'entity-ratio')?.summary);
    expectNoLeaks(trip);
  });
});

describe('javascript: and data: URLs are never stored where a link could be made of them', () => {
  it('JSON-LD url, @id, sameAs and image fields with javascript: and data: URLs are dropped', async () => {
    const trip = await runFixture('javascript-urls.jsonld');
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.id).sort()).toEqual(['link-spread', 'orphan-link-ratio']);
    for (const stored of [trip.imported, trip.fed]) {
      const text = JSON.stringify(stored);
      expect(text).not.toMatch(/javascript:alert|data:text|data:image|"sameAs"|"url"|"@id"|"image"/);
      for (const term of stored.terms) {
        expect(Object.keys(term).every((k) => ['id', 'term', 'aliases', 'abbreviations', 'summary', 'body', 'sets', 'related', 'ambiguous'].includes(k))).toBe(true);
      }
    }
    // The set a term names by an @id is found by it; a set named only by a non-http string keeps it as a plain title.
    expect(imported(trip, 'link-spread')?.sets).toEqual(['imported-url-trap-terms']);
    expect(trip.imported.sets.find((s) => s.id === 'imported-javascript-void-0')).toMatchObject({ title: 'javascript:void(0)', source: 'javascript-urls.jsonld' });
  });

  it('a Termlight term with a url field is refused by path; a set source that is a javascript: URL stays plain text', async () => {
    const trip = await runFixture('javascript-urls.json');
    expect(problemsOf(trip)).toEqual(['terms[0].url: Invalid key: Expected never but received "url"']);
    expect(feedError(trip)).toMatchObject({ code: 'invalid', details: ['terms[0].url: Invalid key: Expected never but received "url"'] });
    expect(imported(trip, 'link-basis')).toBeUndefined();
    expect(imported(trip, 'data-basis')?.summary).toBe('javascript:alert(1) and data:text/html,<script>alert(2)</script> as plain words.');
    expect(trip.imported.sets.find((s) => s.id === 'imported-hostile')?.source).toBe('javascript:alert(document.domain)');
  });
});

describe('prototype-pollution keys and ids pollute nothing (the harness checks Object.prototype after every step)', () => {
  it('{"__proto__": {"polluted": 1}} pollutes nothing and is refused as not a glossary', async () => {
    const trip = await runFixture('proto-bare.json');
    expect(trip.parsed.error).toMatch(/^This JSON is neither a Termlight glossary nor schema\.org JSON-LD/);
    expect(feedError(trip)?.code).toBe('unsupported');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('__proto__ and constructor.prototype keys on a glossary, its sets and its terms pollute nothing and are named by path', async () => {
    const trip = await runFixture('proto-keys.json');
    expect(problemsOf(trip)).toEqual([
      'sets[0].__proto__: Invalid key: Expected never but received "__proto__"',
      'terms[0]: its set "hostile" (sets[0]) could not be read',
      'terms[1]: its set "hostile" (sets[0]) could not be read',
      'terms[2]: its set "hostile" (sets[0]) could not be read',
    ]);
    expect(feedError(trip)?.details).toEqual(
      expect.arrayContaining([
        'terms[0].__proto__: Invalid key: Expected never but received "__proto__"',
        'terms[1].constructor: Invalid key: Expected never but received "constructor"',
        '__proto__: Invalid key: Expected never but received "__proto__"',
      ]),
    );
    expect(newTerms(trip)).toEqual([]);
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin]).toEqual([undefined, undefined]);
  });

  it('__proto__, constructor and prototype as set and term ids are stored as ordinary records, never as keys of an object', async () => {
    const trip = await runFixture('proto-ids.json');
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => [t.id, t.term, t.sets, t.related])).toEqual([
      ['constructor', 'constructor', ['imported-constructor'], ['prototype']],
      ['proto', '__proto__', ['imported-proto'], ['constructor']],
      ['prototype', 'prototype', ['imported-constructor', 'imported-proto'], []],
    ]);
    expect(imported(trip, 'prototype')?.aliases).toEqual(['hasOwnProperty', 'toString']);
    // A feed must already use slugs: "__proto__" is not one.
    expect(feedError(trip)).toMatchObject({ code: 'invalid' });
    expect(feedError(trip)?.details).toContain('terms[0].id: must be a lowercase slug like "open-interest"');
  });

  it('a set file with a __proto__ id and __proto__ keys pollutes nothing', async () => {
    const trip = await runFixture('proto-set-file.json');
    expect(problemsOf(trip)).toEqual([
      'terms[1].__proto__: Invalid key: Expected never but received "__proto__"',
      'terms[0]: related term "proto" is neither in this file nor in your glossary',
    ]);
    expect(trip.lenient).toMatchObject({ ok: false, message: 'Nothing was imported: the file has no term that can be imported.' });
  });

  it('CSV columns and cells named __proto__ and constructor pollute nothing', async () => {
    const trip = await runFixture('proto.csv');
    expect(trip.parsed.notes).toEqual([
      'Column "__proto__" is not one Termlight reads; it was left out.',
      'Column "constructor" is not one Termlight reads; it was left out.',
    ]);
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => [t.id, t.term, t.sets])).toEqual([
      ['constructor', 'constructor', ['imported-constructor']],
      ['proto', '__proto__', ['imported-proto']],
      ['prototype', 'prototype', ['imported-prototype']],
    ]);
  });

  it('JSON-LD @ids, names and set references of __proto__, constructor and toString pollute nothing', async () => {
    const trip = await runFixture('proto.jsonld');
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term).sort()).toEqual(['__proto__', 'hasOwnProperty', 'toString']);
    expect(feedTerms(trip).map((t) => t.term).sort()).toEqual(['__proto__', 'hasOwnProperty', 'toString']);
    expectNoLeaks(trip);
  });
});

describe('wrong types are reported by path, and never stored', () => {
  it('every field of the wrong type is named by its path, and the one good term imports when invalid rows are skipped', async () => {
    const trip = await runFixture('wrong-types.json');
    expect(problemsOf(trip)).toEqual([
      'sets[1].title: Invalid type: Expected string but received Array',
      'sets[1].description: Invalid type: Expected string but received Object',
      'terms[0].id: Invalid type: Expected string but received 42',
      'terms[1].term: Invalid type: Expected string but received 12345',
      'terms[2].aliases: Invalid type: Expected Array but received "not a list"',
      'terms[3].summary: Invalid type: Expected string but received null',
      'terms[4].body: Invalid type: Expected string but received Object',
      'terms[5].sets: Invalid type: Expected Array but received "hostile"',
      'terms[6].related[0]: Invalid type: Expected string but received 1',
      'terms[6].related[1]: Invalid type: Expected string but received null',
      'terms[6].related[2]: Invalid type: Expected string but received true',
      'terms[7].ambiguous: Invalid type: Expected boolean but received "yes"',
      'terms[8].abbreviations[0]: Invalid type: Expected string but received Array',
      'terms[8].abbreviations[1]: Invalid type: Expected string but received Object',
      'terms[8].abbreviations[2]: Invalid type: Expected string but received 3',
      'terms[9]: must be an object with a term and a summary',
      'terms[10]: must be an object with a term and a summary',
      'terms[11]: must be an object with a term and a summary',
      'terms[12]: must be an object with a term and a summary',
    ]);
    expect(trip.strict).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing was imported: 19 rows have problems/) });
    expect(trip.lenient).toMatchObject({ ok: true, added: 1, skipped: 19 });
    expect(newTerms(trip).map((t) => t.id)).toEqual(['fine-rate']);
    expect(feedError(trip)).toMatchObject({ code: 'invalid', message: 'The feed has 32 problems, so nothing was changed.' });
  });

  it('a glossary whose version, sets and terms have the wrong types is refused, saying which', async () => {
    const trip = await runFixture('wrong-types-top.json');
    expect(trip.parsed.error).toBe('This Termlight glossary is version "1"; this version of Termlight reads version 1.');
    expect(feedError(trip)?.details).toEqual([
      'version: Invalid type: Expected 1 but received "1"',
      'sets: Invalid type: Expected Array but received "all of them"',
      'terms: Invalid type: Expected Array but received Object',
    ]);
  });

  it('a set file whose own id, title and description have the wrong types is refused, naming the field', async () => {
    const trip = await runFixture('wrong-types-set-file.json');
    expect(trip.parsed.error).toBe('The set could not be read: description Invalid type: Expected string but received 5');
    expect(trip.parsed.problems).toEqual([{ where: 'description', message: 'Invalid type: Expected string but received 5' }]);
    expect(feedError(trip)?.code).toBe('unsupported');
  });

  it('JSON-LD items and names of the wrong types are reported by position; an @value name still reads', async () => {
    const trip = await runFixture('wrong-types.jsonld');
    expect(problemsOf(trip)).toEqual([
      'hasDefinedTerm[0]: is not a term: expected an object with a name and a description',
      'hasDefinedTerm[1]: is not a term: expected an object with a name and a description',
      'hasDefinedTerm[2]: is not a term: expected an object with a name and a description',
      'hasDefinedTerm[3].name: must not be empty',
      'hasDefinedTerm[4].name: must not be empty',
      'hasDefinedTerm[4].description: must not be empty',
      'hasDefinedTerm[6].name: must not be empty',
      'hasDefinedTerm[6].description: must not be empty',
    ]);
    expect(newTerms(trip).map((t) => [t.term, t.summary])).toEqual([['Value Spread', 'A name and description given as @value objects.']]);
    expect(feedError(trip)).toMatchObject({ code: 'invalid', message: 'The feed has 8 items Termlight cannot read, so nothing was changed.' });
  });

  for (const [label, text] of [
    ['a string', '"a glossary, honestly"'],
    ['a string with no comma', '"a glossary"'],
    ['a number', '1e308'],
    ['null', 'null'],
    ['true', 'true'],
    ['an empty list', '[]'],
    ['a list of numbers', '[1, 2, 3]'],
  ]) {
    it(`JSON that is ${label} is refused as not a glossary`, async () => {
      const trip = await runEverywhere({ name: 'scalar.json', bytes: new TextEncoder().encode(text) });
      expect(trip.parsed.error).toMatch(/^(This JSON is neither a Termlight glossary nor schema\.org JSON-LD|Termlight cannot tell what kind of file this is|This looks like CSV, but its first line is not a header)/);
      expect(feedError(trip)?.code).toMatch(/^(unsupported|malformed)$/);
    });
  }
});

describe('duplicate ids: the first one wins, every other one is named, and stored terms keep their words', () => {
  it('duplicate set and term ids in Termlight JSON are reported, and a stored id keeps its definition', async () => {
    const trip = await runFixture('duplicate-ids.json');
    expect(problemsOf(trip)).toEqual([
      'sets[1].id: set "hostile" is in this file twice',
      'terms[1]: "Twin Rate Again" is in this file twice (also at terms[0]); keep one of them',
      'terms[2]: "twin rate" is already a name of "Twin Rate" (terms[0]); a word can belong to one term only',
    ]);
    expect(trip.preview.conflicting.map((c) => [c.id, c.kind, c.existingId])).toEqual([['funding-rate', 'id', 'funding-rate']]);
    expect(imported(trip, 'twin-rate')?.summary).toBe('The first term with this id.');
    // The stored Funding Rate keeps its words (the harness compares every seeded term) and joins the imported set.
    expect(imported(trip, 'funding-rate')?.summary).toBe('The stored definition of Funding Rate.');
    expect(imported(trip, 'funding-rate')?.sets.sort()).toEqual(['imported-hostile', 'market-basics']);
    expect(feedError(trip)?.details).toEqual([
      'sets[1].id: duplicate set id "hostile"',
      'term "twin-rate" (terms[1]), field id: duplicate term id "twin-rate" (first used by terms[0])',
      'term "other-twin" (terms[2]): "twin rate" of "other-twin" is already a surface form of "twin-rate"',
    ]);
  });

  it('duplicate ids and names in a CSV are reported by row, and a stored name keeps its definition', async () => {
    const trip = await runFixture('duplicate-ids.csv');
    expect(problemsOf(trip)).toEqual([
      'row 3: "Twin Rate Again" is in this file twice (also at row 2); keep one of them',
      'row 4: "TWIN RATE" is already a name of "Twin Rate" (row 2); a word can belong to one term only',
    ]);
    expect(trip.preview.conflicting.map((c) => [c.term, c.existingId])).toEqual([['Open Interest', 'open-interest']]);
    expect(imported(trip, 'open-interest')?.summary).toBe('The stored definition of Open Interest.');
  });

  it('duplicate @ids and names in JSON-LD are reported, and the first definition is kept', async () => {
    const trip = await runFixture('duplicate-ids.jsonld');
    expect(problemsOf(trip)).toEqual([
      'hasDefinedTerm[1]: "Twin Spread" is in this file twice (also at hasDefinedTerm[0]); keep one of them',
      'hasDefinedTerm[2]: "Twin-Spread" is in this file twice (also at hasDefinedTerm[0]); keep one of them',
    ]);
    expect(imported(trip, 'twin-spread')?.summary).toBe('The first definition.');
  });
});

describe('byte order marks and odd encodings', () => {
  it('a UTF-8 BOM at the start of a CSV is ignored', async () => {
    const trip = await runFixture('bom-utf8.csv');
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['BOM Rate']);
    expect(trip.imported.sets.find((s) => s.id === 'imported-hostile-bom')?.title).toBe('Hostile BOM');
  });

  it('a UTF-8 BOM at the start of a Termlight glossary is ignored by the import and by the feed', async () => {
    const trip = await runFixture('bom-utf8.json');
    expectLiteral(trip, 'bom-basis', 'term', 'BOM Basis');
  });

  it('UTF-16 LE text with a BOM is refused, saying to save it as UTF-8', async () => {
    const trip = await runFixture('utf16le.csv');
    expect(trip.parsed.error).toBe(
      'This file is UTF-16 text (what some programs call "Unicode text"); Termlight reads UTF-8. Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import it again.',
    );
    expect(feedError(trip)).toMatchObject({ code: 'malformed', message: 'The feed is not UTF-8 text, so it cannot be read.' });
  });

  it('UTF-16 BE text with a BOM is refused, saying to save it as UTF-8', async () => {
    const trip = await runFixture('utf16be.json');
    expect(trip.parsed.error).toMatch(/^This file is UTF-16 text/);
    expect(feedError(trip)?.code).toBe('malformed');
  });

  it('UTF-16 LE text without a BOM is refused, saying to save it as UTF-8', async () => {
    const trip = await runFixture('utf16le-no-bom.csv');
    expect(trip.parsed.error).toMatch(/^This file is UTF-16 text/);
    expect(feedError(trip)?.code).toBe('malformed');
  });

  it('bytes that are not UTF-8 are refused whole, naming the line, instead of stored as U+FFFD', async () => {
    const trip = await runFixture('invalid-utf8.csv');
    expect(trip.parsed.error).toBe(
      'This file is not UTF-8 text: some of its bytes are not characters Termlight can read (the first on line 2). Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import it again.',
    );
    expect(feedError(trip)).toMatchObject({ code: 'malformed', message: 'The feed is not UTF-8 text, so it cannot be read.' });
    expect(JSON.stringify(trip.imported)).not.toContain('\ufffd');
  });

  it('a Termlight glossary with a byte that is not UTF-8 is refused whole, naming the line', async () => {
    const bytes = new TextEncoder().encode('{"format":"termlight-glossary","version":1,\n"sets":[],"terms":[{"term":"Caf_ Rate"}]}');
    bytes[bytes.indexOf('_'.charCodeAt(0))] = 0xe9; // "é" in Windows-1252
    const trip = await runEverywhere({ name: 'latin1.json', bytes });
    expect(trip.parsed.error).toMatch(/^This file is not UTF-8 text: some of its bytes are not characters Termlight can read \(the first on line 2\)/);
    expect(feedError(trip)?.code).toBe('malformed');
  });

  it('a web page with a stray undecodable byte outside its JSON-LD still gives its glossary', async () => {
    const page = `<html><body><p>Caf_ prices</p><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'DefinedTermSet',
      name: 'Page Terms',
      hasDefinedTerm: [{ '@type': 'DefinedTerm', name: 'Page Spread', description: 'A term on a page that is not all UTF-8.' }],
    })}</script></body></html>`;
    const bytes = new TextEncoder().encode(page);
    bytes[bytes.indexOf('_'.charCodeAt(0))] = 0xe9;
    const trip = await runEverywhere({ name: 'page.html', bytes });
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Page Spread']);
    expect(feedError(trip)).toMatchObject({ code: 'malformed', message: 'The feed is not UTF-8 text, so it cannot be read.' });
  });

  it('NUL and other control characters in a name, summary, body and set are refused by field', async () => {
    const trip = await runFixture('nul.json');
    expect(problemsOf(trip)).toEqual([
      'sets[0].title: must not contain control characters (found U+0000 NUL)',
      'sets[0].description: must not contain control characters (found U+0000 NUL)',
      'terms[0]: its set "hostile" (sets[0]) could not be read',
      'terms[1]: its set "hostile" (sets[0]) could not be read',
      'terms[2]: its set "hostile" (sets[0]) could not be read',
    ]);
    expect(feedError(trip)?.details).toEqual([
      'sets[0].title: must not contain control characters (found U+0000 NUL)',
      'sets[0].description: must not contain control characters (found U+0000 NUL)',
      'terms[0].term: must not contain control characters (found U+0000 NUL)',
      'terms[1].summary: must not contain control characters (found U+0000 NUL)',
      'terms[1].body: must not contain control characters (found U+0000 NUL)',
      'terms[2].aliases[0]: must not contain control characters (found U+0000 NUL)',
    ]);
    expect(JSON.stringify(trip.imported)).not.toContain('\\u0000');
  });

  it('raw NUL bytes in CSV cells are refused by row and column; the clean row still imports', async () => {
    const trip = await runFixture('nul-raw.csv');
    expect(problemsOf(trip)).toEqual([
      'row 2: term must not contain control characters (found U+0000 NUL)',
      'row 3: definition must not contain control characters (found U+0000 NUL)',
    ]);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Clean Rate']);
  });

  it('a right-to-left override in a name ("\\u202eetaR gnidnuF" shows as "Funding Rate") is refused, as are isolates and marks; in a summary they stay text', async () => {
    const trip = await runFixture('rtl-override.json');
    const why = 'must not contain tabs, line breaks, or invisible or direction-changing characters';
    expect(problemsOf(trip)).toEqual([
      `terms[0].term: ${why} (found U+202E RIGHT-TO-LEFT OVERRIDE)`,
      `terms[1].aliases[0]: ${why} (found U+2067 RIGHT-TO-LEFT ISOLATE)`,
      `terms[2].abbreviations[0]: ${why} (found U+200F RIGHT-TO-LEFT MARK)`,
    ]);
    expect(feedError(trip)?.details).toEqual(problemsOf(trip));
    expect(newTerms(trip).map((t) => t.summary)).toEqual(['A summary that quotes \u05e9\u05dc\u05d5\u05dd \u202bembedded\u202c text.']);
    expect(trip.imported.sets.find((s) => s.id === 'imported-hostile')?.title).toBe('Hostile \u202eSET\u202c');
  });

  it('zero-width joiners, spaces, non-joiners, word joiners and BOMs inside names are refused by row', async () => {
    const trip = await runFixture('zero-width.csv');
    const why = 'must not contain tabs, line breaks, or invisible or direction-changing characters';
    expect(problemsOf(trip)).toEqual([
      `row 2: term ${why} (found U+200D ZERO WIDTH JOINER)`,
      `row 3: aliases (item 1) ${why} (found U+200B ZERO WIDTH SPACE)`,
      `row 4: abbreviations (item 1) ${why} (found U+200C ZERO WIDTH NON-JOINER)`,
      `row 5: aliases (item 1) ${why} (found U+2060 WORD JOINER)`,
      `row 5: aliases (item 2) ${why} (found U+FEFF BYTE ORDER MARK)`,
    ]);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Visible Spread']);
  });
});

describe('broken or empty structure', () => {
  it('an empty file says there is nothing to import', async () => {
    const trip = await runFixture('empty.json');
    expect(trip.parsed.error).toBe('There is nothing to import: the file is empty.');
    expect(feedError(trip)).toMatchObject({ code: 'malformed', message: 'The feed is empty. Nothing was changed.' });
  });

  it('a file of only spaces, tabs and line breaks says there is nothing to import', async () => {
    const trip = await runFixture('whitespace-only.csv');
    expect(trip.parsed.error).toBe('There is nothing to import: the file is empty.');
    expect(feedError(trip)?.message).toBe('The feed is empty. Nothing was changed.');
  });

  it('a CSV with mismatched quotes names the row where the quote opens and how many lines it swallowed', async () => {
    const trip = await runFixture('mismatched-quotes.csv');
    expect(problemsOf(trip)).toEqual([
      'row 2: a cell in double quotes has a quote inside it that is not doubled, so the cell runs on past it and swallows the next 3 lines; write a quote inside a quoted cell as ""',
    ]);
    expect(trip.lenient).toMatchObject({ ok: false, message: 'Nothing was imported: the file has no term that can be imported.' });
  });

  it('a CSV with only a header row imports nothing and says so', async () => {
    const trip = await runFixture('header-only.csv');
    expect(trip.strict).toMatchObject({ ok: false, message: 'Nothing was imported: the file has no term that can be imported.' });
  });

  it('an HTML page without JSON-LD (only a script and application/json) says it carries no glossary', async () => {
    const trip = await runFixture('html-no-jsonld.html');
    expect(trip.parsed.error).toMatch(/^This page carries no glossary Termlight can read: it has no schema\.org JSON-LD/);
    expect(feedError(trip)?.code).toBe('unsupported');
  });

  it('JSON-LD whose @graph references loop back on themselves is read once, without hanging', async () => {
    const trip = await runFixture('circular-graph.jsonld');
    expect(trip.parsed.notes).toEqual([
      '@graph[0].hasDefinedTerm[2] is a DefinedTermSet, not a term; it was left out.',
      '@graph[4].hasDefinedTerm[0] is a DefinedTermSet, not a term; it was left out.',
    ]);
    // "#nowhere" resolves to nothing: an object with only an @id is no term.
    expect(problemsOf(trip)).toEqual(['@graph[0].hasDefinedTerm[3].name: must not be empty', '@graph[0].hasDefinedTerm[3].description: must not be empty']);
    expect(newTerms(trip).map((t) => [t.term, t.sets])).toEqual([
      ['Loop Alpha', ['imported-loop-terms']],
      ['Loop Beta', ['imported-loop-terms']],
      ['Self Loop', ['imported-self-loop']],
    ]);
  });
});
