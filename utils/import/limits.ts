/** How much one import may bring in; beyond this the user gets a clear refusal, not a frozen page. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_TERMS = 50_000;

/** UTF-8 size of a string without allocating a copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLargeMessage(bytes: number): string {
  return `This file is ${megabytes(bytes)}; Termlight imports at most ${megabytes(MAX_IMPORT_BYTES)} at a time. Split it into smaller files.`;
}

export function tooManyTermsMessage(count: number): string {
  return `This file holds ${count.toLocaleString('en-US')} terms; Termlight imports at most ${MAX_IMPORT_TERMS.toLocaleString('en-US')} at a time. Split it into smaller files.`;
}

/** The refusal for a document over the size limit, or null. Cheap: checks the length first. */
export function checkImportSize(text: string): string | null {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return null;
  const bytes = utf8Length(text);
  return bytes > MAX_IMPORT_BYTES ? tooLargeMessage(bytes) : null;
}

/**
 * How deep lists and objects may nest in a JSON document; real glossaries
 * stay under ten levels. Checked on the text before JSON.parse, because the
 * code that walks a parsed document 100,000 levels deep overflows the stack
 * (a RangeError) instead of saying what is wrong.
 */
export const MAX_JSON_DEPTH = 100;

/** Line and column of the first `{` or `[` that opens level MAX_JSON_DEPTH + 1, or null. One pass, strings skipped. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): { line: number; column: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > max) {
        const before = text.slice(0, i);
        return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
      }
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
  return null;
}

/** "nests lists or objects more than 100 levels deep (at line 1, column 101)" for a too-deep document, or null. */
export function nestingProblem(text: string): string | null {
  const at = tooDeepAt(text);
  return at ? `nests lists or objects more than ${MAX_JSON_DEPTH} levels deep (at line ${at.line}, column ${at.column})` : null;
}

/** A stack overflow: a RangeError in Chrome, an InternalError ("too much recursion") in Firefox. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.name === 'InternalError');
}
