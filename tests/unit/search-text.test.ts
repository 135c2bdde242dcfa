import { describe, expect, it } from 'vitest';
import { normalizeName, processIndexTerm, queryWords, tokenize } from '../../utils/search/search-text';

describe('search text', () => {
  it('splits words at spaces, punctuation and symbols', () => {
    expect(tokenize('S&P 500, P/E ratio; short-squeeze')).toEqual(['S', 'P', '500', 'P', 'E', 'ratio', 'short', 'squeeze']);
  });

  it('normalizes a name for comparison: case, accents, separators', () => {
    expect(normalizeName('  Short-Squeeze ')).toBe('short squeeze');
    expect(normalizeName('Börsen–Index')).toBe('borsen index');
    expect(normalizeName("Buyer's Remorse")).toBe('buyer remorse');
  });

  it("drops a possessive 's, curly or straight, and nothing else", () => {
    expect(tokenize("the market maker's quotes")).toEqual(['the', 'market', 'maker', 'quotes']);
    expect(tokenize('OI’s drop, S&P’s level')).toEqual(['OI', 'drop', 'S', 'P', 'level']);
    expect(tokenize("don't 'sell' rock 'n' roll")).toEqual(['don', 't', 'sell', 'rock', 'n', 'roll']);
  });

  it('drops stop words from summaries and bodies but keeps them in names', () => {
    expect(processIndexTerm('The', 'body')).toBeNull();
    expect(processIndexTerm('The', 'term')).toBe('the');
    expect(processIndexTerm('Funding', 'summary')).toBe('funding');
  });

  it('drops stop words from a query, except the word being typed', () => {
    expect(queryWords('cost of carry')).toEqual(['cost', 'carry']);
    expect(queryWords('cost of')).toEqual(['cost', 'of']);
    expect(queryWords('on')).toEqual(['on']);
    expect(queryWords('the of')).toEqual(['of']);
  });
});
