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
