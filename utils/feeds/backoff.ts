/**
 * The quick retries inside one sync: a few attempts with doubling waits,
 * capped, for errors that may pass (network, HTTP 5xx). Anything else (a
 * malformed or invalid feed, a 404) fails at once: asking again would get
 * the same answer. The second layer of retry is the next scheduled alarm.
 */

export interface BackoffOptions {
  /** Attempts in all, the first included. */
  tries: number;
  /** Wait before the second attempt. */
  baseMs?: number;
  factor?: number;
  /** No wait is longer than this. */
  maxMs?: number;
}

/** The waits between attempts: tries 3 → [1000, 2000]; tries 5, max 4000 → [1000, 2000, 4000, 4000]. */
export function backoffDelays({ tries, baseMs = 1000, factor = 2, maxMs = 8000 }: BackoffOptions): number[] {
  const delays: number[] = [];
  for (let i = 0; i < tries - 1; i++) delays.push(Math.min(maxMs, baseMs * factor ** i));
  return delays;
}

export interface RetryOptions {
  delays: readonly number[];
  isRetryable(error: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait, with the failed attempt's error and the wait. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, the error is not retryable, or the waits run out; throws the last error. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n + 1);
    } catch (error) {
      const delay = options.delays[n];
      if (delay === undefined || !options.isRetryable(error)) throw error;
      options.onRetry?.(error, n + 1, delay);
      await wait(delay);
    }
  }
}
