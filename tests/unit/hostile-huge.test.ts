/**
 * Issue 10, hostile glossary input: the huge and the deeply nested, made at
 * run time (not committed). Each goes through every import path and the feed
 * path (tests/fixtures/hostile/harness.ts checks the seeded glossary, the
 * prototypes and the messages after each). What they must give: a refusal
 * that says why, quickly, with any quoted value cut short, and no crash.
 */
import { describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../utils/feeds/feed-error';
import { parseJson } from '../../utils/feeds/feed-document';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { feedError, newTerms, problemsOf, runText } from '../fixtures/hostile/harness';

const MB = 1024 * 1024;
const LEVELS = 100_000;
const SLOW = 60_000;

const glossary = (terms: unknown[], sets: unknown[] = [{ id: 'hostile', title: 'Hostile', description: '' }], extra: object = {}) =>
  JSON.stringify({ format: 'termlight-glossary', version: 1, sets, terms, ...extra });

const definedTermSet = (term: object) =>
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'DefinedTermSet', name: 'Huge', hasDefinedTerm: [{ '@type': 'DefinedTerm', ...term }] });

/** Milliseconds `parseGlossaryDocument` takes on `text` alone. */
function parseTime(text: string): number {
  const start = performance.now();
  parseGlossaryDocument(text, { name: 'timed', origin: 'imported' });
  return performance.now() - start;
}

describe('10 MB strings are refused by length, and never echoed back whole', () => {
  it('a 10 MB summary is refused: the summary can be 240 characters', async () => {
    const trip = await runText('huge-summary.json', glossary([{ id: 'huge', term: 'Huge', summary: 'A'.repeat(10 * MB), sets: ['hostile'] }]));
    expect(problemsOf(trip)).toEqual(['terms[0].summary: must be at most 240 characters']);
    expect(feedError(trip)).toMatchObject({ code: 'invalid', details: ['terms[0].summary: must be at most 240 characters'] });
  }, SLOW);

  it('a 10 MB term name in a CSV is refused by row, and the name shown beside the problem is cut short', async () => {
    const trip = await runText('huge-name.csv', `term,definition\n${'B'.repeat(10 * MB)},A huge name.\n`);
    expect(problemsOf(trip)).toEqual(['row 2: term must be at most 80 characters']);
    expect(trip.preview.invalid[0].term).toBe(`${'B'.repeat(79)}\u2026`);
  }, SLOW);

  it('a 10 MB JSON-LD name is refused, and the feed names it short', async () => {
    const trip = await runText('huge-name.jsonld', definedTermSet({ name: 'N'.repeat(10 * MB), description: 'A huge name.' }));
    expect(problemsOf(trip)).toEqual(['hasDefinedTerm[0].name: must be at most 80 characters']);
    expect(feedError(trip)?.details).toEqual([`hasDefinedTerm[0].name (“${'N'.repeat(79)}\u2026”): must be at most 80 characters`]);
  }, SLOW);

  it('a 10 MB set source is refused: a source can be 2,000 characters', async () => {
    const trip = await runText(
      'huge-source.json',
      glossary([{ id: 'plain', term: 'Plain Term', summary: 'Fine words.', sets: ['hostile'] }], [{ id: 'hostile', title: 'Hostile', source: 'S'.repeat(10 * MB) }]),
    );
    expect(problemsOf(trip)).toEqual(['sets[0].source: must be at most 2000 characters', 'terms[0]: its set "hostile" (sets[0]) could not be read']);
    expect(feedError(trip)?.details).toEqual(['sets[0].source: must be at most 2000 characters']);
  }, SLOW);

  it('a 10 MB "ambiguous" cell is quoted in its message cut to 60 characters', async () => {
    const trip = await runText('huge-flag.csv', `term,definition,ambiguous\nFlag Rate,Fine words.,${'y'.repeat(10 * MB)}\n`);
    expect(problemsOf(trip)).toEqual([`row 2: ambiguous must be yes or no, not "${'y'.repeat(59)}\u2026"`]);
  }, SLOW);

  it('a 10 MB version string is quoted in the refusal cut to 60 characters', async () => {
    const trip = await runText('huge-version.json', glossary([], undefined, { version: 'v'.repeat(10 * MB) }));
    expect(trip.parsed.error).toBe(`This Termlight glossary is version "${'v'.repeat(59)}\u2026"; this version of Termlight reads version 1.`);
    expect(feedError(trip)?.details[0]).toMatch(/^version: Invalid type: Expected 1 but received "v{60}\u2026$/);
  }, SLOW);

  it('a 10 MB unknown field name is named by a short path', async () => {
    const trip = await runText('huge-key.json', glossary([{ id: 'k', term: 'Key Rate', summary: 'Fine words.', sets: ['hostile'], ['k'.repeat(10 * MB)]: 1 }]));
    expect(problemsOf(trip)).toEqual([`terms[0].${'k'.repeat(59)}\u2026: Invalid key: Expected never but received "${'k'.repeat(60)}\u2026`]);
  }, SLOW);

  it('a 10 MB set id a term points at is quoted short', async () => {
    const trip = await runText('huge-set-ref.json', glossary([{ id: 'k', term: 'Key Rate', summary: 'Fine words.', sets: ['s'.repeat(10 * MB)] }]));
    expect(problemsOf(trip)).toEqual([`terms[0].sets[0]: set "${'s'.repeat(59)}\u2026" is not in this file's "sets"`]);
    expect(feedError(trip)?.details).toEqual(['terms[0].sets[0]: must be at most 80 characters']);
  }, SLOW);

  it('a 10 MB CSV column name is quoted short in the note that leaves it out', async () => {
    const trip = await runText('huge-header.csv', `term,definition,${'c'.repeat(10 * MB)}\nHeader Rate,Fine words.,x\n`);
    expect(trip.parsed.notes).toEqual([`Column "${'c'.repeat(59)}\u2026" is not one Termlight reads; it was left out.`]);
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Header Rate']);
  }, SLOW);

  it('a set file whose alsoIn lists 10 MB of set names notes a few of them, cut short', async () => {
    const others = Array.from({ length: 1000 }, (_, i) => `${'o'.repeat(10_000)}${i}`);
    const trip = await runText('huge-also-in.json', JSON.stringify({ id: 'desk', title: 'Desk', terms: [{ term: 'Also Rate', summary: 'Fine words.', alsoIn: others }] }));
    expect(trip.parsed.notes).toHaveLength(1);
    expect(trip.parsed.notes[0]).toMatch(/^Some terms also belong to other sets \("o{59}…", .* and 995 more\); a set file carries only its own set/);
    expect(trip.strict.ok).toBe(true);
  }, SLOW);
});

describe('text that made the JSON-LD reader take hours is read in linear time', () => {
  // Each of these took time proportional to the square of its length (10 MB: hours). A size
  // that took the old code 3 to 5 seconds goes first, so a regression fails instead of hanging the run.
  const linear = (probe: number, make: (size: number) => string) => {
    expect(parseTime(make(probe))).toBeLessThan(1000);
    const text = make(10 * MB);
    expect(parseTime(text)).toBeLessThan(5000);
    return text;
  };

  it('a 10 MB JSON-LD description of unclosed "<" is refused by length in seconds', async () => {
    const text = linear(50_000, (size) => definedTermSet({ name: 'Angle Spread', description: '<'.repeat(size) }));
    const trip = await runText('angles.jsonld', text);
    expect(problemsOf(trip)).toEqual(['hasDefinedTerm[0].body: must be at most 8000 characters']);
  }, SLOW);

  it('a 10 MB page of unclosed "<script " tags is refused in seconds', async () => {
    const text = linear(150_000, (size) => '<script '.repeat(size / 8));
    const trip = await runText('scripts.html', text);
    expect(trip.parsed.error).toMatch(/^Termlight cannot tell what kind of file this is/);
  }, SLOW);

  it('a 10 MB page of JSON-LD script tags that never close is refused in seconds', async () => {
    const text = linear(900_000, (size) => `<html>${'<script type="application/ld+json">{"@type":"DefinedTermSet"}'.repeat(size / 64)}`);
    const trip = await runText('unclosed.html', text);
    expect(trip.parsed.error).toMatch(/^This page carries no glossary Termlight can read/);
  }, SLOW);

  it('10 MB of "```json" fences that never close is refused in seconds', async () => {
    const text = linear(400_000, (size) => '```json\nx'.repeat(size / 9));
    const trip = await runText('fences.md', text);
    expect(trip.parsed.error).toMatch(/^Termlight cannot tell what kind of file this is/);
  }, SLOW);
});

describe('too many terms, too long a definition, too large a file', () => {
  it('50,001 terms in a Termlight glossary are refused with the limit', async () => {
    const terms = Array.from({ length: 50_001 }, (_, i) => ({ id: `t-${i}`, term: `Term ${i}`, summary: `Words ${i}.`, sets: ['hostile'] }));
    const trip = await runText('many.json', glossary(terms));
    expect(trip.parsed.error).toBe('This file holds 50,001 terms; Termlight imports at most 50,000 at a time. Split it into smaller files.');
    expect(feedError(trip)).toMatchObject({ code: 'too-many-terms', message: 'The feed holds 50,001 terms; Termlight accepts at most 50,000 per feed. Nothing was changed.' });
  }, SLOW);

  it('50,001 rows of CSV are refused with the limit', async () => {
    const trip = await runText('many.csv', ['term,definition', ...Array.from({ length: 50_001 }, (_, i) => `Term ${i},Words ${i}.`)].join('\n'));
    expect(trip.parsed.error).toBe('This file holds 50,001 terms; Termlight imports at most 50,000 at a time. Split it into smaller files.');
  }, SLOW);

  it('50,001 DefinedTerms in JSON-LD are refused with the limit', async () => {
    const hasDefinedTerm = Array.from({ length: 50_001 }, (_, i) => ({ '@type': 'DefinedTerm', name: `Term ${i}`, description: `Words ${i}.` }));
    const trip = await runText('many.jsonld', JSON.stringify({ '@context': 'https://schema.org', '@type': 'DefinedTermSet', name: 'Many', hasDefinedTerm }));
    expect(trip.parsed.error).toBe('This file holds 50,001 terms; Termlight imports at most 50,000 at a time. Split it into smaller files.');
    expect(feedError(trip)?.code).toBe('invalid');
  }, SLOW);

  it('a term whose summary is 10,000 characters is refused: the summary can be 240 (the rest goes in the body)', async () => {
    const trip = await runText('long-summary.json', glossary([{ id: 'long', term: 'Long Rate', summary: 'word '.repeat(2000), sets: ['hostile'] }]));
    expect(problemsOf(trip)).toEqual(['terms[0].summary: must be at most 240 characters']);
  });

  it('a CSV definition of 10,000 characters becomes a summary and a body, and the body over 8,000 is refused', async () => {
    const trip = await runText('long-definition.csv', `term,definition\nLong Rate,"${'Word word word. '.repeat(625)}"\n`);
    expect(problemsOf(trip)).toEqual(['row 2: body must be at most 8000 characters']);
  });

  it('a JSON-LD description of 7,000 characters is kept whole: a 240-character summary and the text as the body', async () => {
    const description = 'Word word word. '.repeat(437).trim();
    const trip = await runText('long-description.jsonld', definedTermSet({ name: 'Long Spread', description }));
    expect(trip.strict.ok).toBe(true);
    const [term] = newTerms(trip);
    expect(term.summary.length).toBeLessThanOrEqual(240);
    expect(term.body).toBe(description);
  });

  it('a 21 MB file is refused by size before it is read', async () => {
    const trip = await runText('huge.json', glossary([{ id: 'a', term: 'A', summary: 'x'.repeat(21 * MB), sets: ['hostile'] }]));
    expect(trip.parsed.error).toBe('This file is 21.0 MB; Termlight imports at most 20.0 MB at a time. Split it into smaller files.');
    expect(feedError(trip)).toMatchObject({ code: 'too-large' });
  }, SLOW);
});

describe('deep nesting never overflows the stack: it is refused with line and column', () => {
  it('100,000 nested lists are refused, not crashed on', async () => {
    const trip = await runText('deep.json', '['.repeat(LEVELS) + ']'.repeat(LEVELS));
    expect(trip.parsed.error).toBe('This file nests lists or objects more than 100 levels deep (at line 1, column 101); no glossary needs that, so it was not read.');
    expect(feedError(trip)).toMatchObject({
      code: 'malformed',
      message: 'The feed nests lists or objects more than 100 levels deep (at line 1, column 101), which no glossary needs, so it was not read. Nothing was changed.',
    });
  });

  it('100,000 nested objects inside a term field are refused', async () => {
    const text = glossary([{ id: 'deep', term: 'Deep Rate', summary: 'Deep words.', sets: ['hostile'], related: '<deep>' }]).replace(
      '"<deep>"',
      '{"a":'.repeat(LEVELS) + '1' + '}'.repeat(LEVELS),
    );
    const trip = await runText('deep-field.json', text);
    expect(trip.parsed.error).toMatch(/^This file nests lists or objects more than 100 levels deep \(at line 1, column \d+\)/);
    expect(feedError(trip)?.code).toBe('malformed');
  });

  it('100,000 nested lists in a JSON-LD @graph are refused', async () => {
    const trip = await runText('deep-graph.jsonld', `{"@context":"https://schema.org","@graph":${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}}`);
    expect(trip.parsed.error).toMatch(/^This file nests lists or objects more than 100 levels deep/);
  });

  it('100,000 nested objects inside one JSON-LD block of a page are reported for that block; the page\'s other blocks still read', async () => {
    const deep = `{"@context":"https://schema.org","@type":"DefinedTermSet","name":${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}}`;
    const good = definedTermSet({ name: 'Shallow Spread', description: 'A term beside a block that nests too deep.' });
    const trip = await runText(
      'deep.html',
      `<html><script type="application/ld+json">${deep}</script><script type="application/ld+json">${good}</script></html>`,
    );
    expect(problemsOf(trip)).toEqual([
      'JSON-LD block 1: nests lists or objects more than 100 levels deep (at line 1, column 561); no glossary needs that, so its terms, if any, cannot be read',
    ]);
    expect(trip.lenient.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Shallow Spread']);
    expect(feedError(trip)?.code).toBe('invalid');
  });

  it('exactly 100 levels are still read (97 lists around a DefinedTermSet of 3 levels); 101 are not', async () => {
    const nested = (lists: number) =>
      `${'['.repeat(lists)}${definedTermSet({ name: 'Nested Spread', description: 'A hundred levels down.' })}${']'.repeat(lists)}`;
    const trip = await runText('nested.jsonld', nested(97));
    expect(trip.parsed.error).toBeNull();
    expect(newTerms(trip).map((t) => t.term)).toEqual(['Nested Spread']);
    expect(parseGlossaryDocument(nested(98), { name: 'nested.jsonld', origin: 'imported' }).error).toMatch(/more than 100 levels deep \(at line 1, column \d+\)/);
  });

  for (const [engine, overflow] of [
    ['Chrome (RangeError)', () => new RangeError('Maximum call stack size exceeded')],
    ['Firefox (InternalError)', () => Object.assign(new Error('too much recursion'), { name: 'InternalError' })],
  ] as const) {
    it(`if JSON.parse itself overflows the stack, the import and the feed say so instead of crashing: ${engine}`, () => {
      vi.spyOn(JSON, 'parse').mockImplementation(() => {
        throw overflow();
      });
      const text = glossary([{ id: 'a', term: 'A Rate', summary: 'Fine words.', sets: ['hostile'] }]);
      expect(parseGlossaryDocument(text, { name: 'x.json', origin: 'imported' }).error).toBe(
        'Termlight could not read this file: it is nested too deeply or is too large. Nothing was imported.',
      );
      expect(parseGlossaryDocument(`<script type="application/ld+json">${text}</script>`, { name: 'x.html', origin: 'imported' }).error).toBe(
        'Termlight could not read this file: it is nested too deeply or is too large. Nothing was imported.',
      );
      expect(() => parseJson(text)).toThrow(new FeedError('malformed', 'The feed is nested too deeply for Termlight to read. Nothing was changed.'));
    });
  }
});
