/**
 * The bundled list of phrases the matcher reads as phrases of their own, not
 * terms (`data/plain-phrases.json`; `CompileOptions.plainPhrases` says what
 * it does). Imported where matchers are compiled (the background, the
 * reader), not through the matcher's index: the content script, which only
 * runs a compiled matcher, should not carry the list and its notes.
 */
import plainPhrasesFile from '../../data/plain-phrases.json' with { type: 'json' };

export const PLAIN_PHRASES: readonly string[] = plainPhrasesFile.phrases.map((entry) => entry.phrase);

/** The phrases that name what a page means by an abbreviation, with it (`CompileOptions.phraseMeanings`). */
export const PHRASE_MEANINGS: Readonly<Record<string, string>> = Object.fromEntries(
  plainPhrasesFile.phrases.flatMap((entry) => ('means' in entry && typeof entry.means === 'string' ? [[entry.phrase, entry.means]] : [])),
);
