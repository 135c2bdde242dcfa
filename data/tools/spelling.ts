/**
 * Spell check of glossary text with nspell (Hunspell in JS) and the en-US
 * dictionary, plus the project word list (data/wordlist.txt) for jargon,
 * tickers and names. Node only: used by the glossary quality test.
 */
import dictionary from 'dictionary-en';
import nspell from 'nspell';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORDLIST_PATH = join(import.meta.dirname, '..', 'wordlist.txt');

export function loadSpeller(): (word: string) => boolean {
  // dictionary-en ships Uint8Arrays; @types/nspell still says Buffer, which they are at run time in Node.
  const speller = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const extra = readFileSync(WORDLIST_PATH, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  for (const word of extra) speller.add(word);
  return (word) => speller.correct(word);
}

/** The words of `text` the speller does not know (hyphenated parts and possessives checked on their own). */
export function misspelledWords(text: string, isCorrect: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (const raw of text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []) {
    for (const part of raw.split('-')) {
      const word = part.replace(/['’]s$/, '').replace(/['’]$/, '');
      if (word && !/\d/.test(word) && !isCorrect(word)) out.push(word);
    }
  }
  return out;
}
