/**
 * The `needsContext` value that gates only a term's abbreviations. Its own
 * module, so the content script can compare with it without importing the
 * glossary schema, whose validators (valibot) only the background and the
 * import paths need.
 */
export const NEEDS_CONTEXT_ABBREVIATIONS = 'abbreviations';
