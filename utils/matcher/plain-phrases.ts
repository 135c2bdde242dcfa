/**
 * The bundled list of phrases the matcher reads as phrases of their own, not
 * terms (`data/plain-phrases.json`; `CompileOptions.plainPhrases` says what
 * it does).
 */
import plainPhrasesFile from '../../data/plain-phrases.json' with { type: 'json' };

export const PLAIN_PHRASES: readonly string[] = plainPhrasesFile.phrases.map((entry) => entry.phrase);
