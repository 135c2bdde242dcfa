/** The message of something thrown: an Error's own message, anything else as text (a rejected message port throws strings). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
