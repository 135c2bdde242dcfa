/**
 * One error type for everything that can go wrong in a sync, carrying a
 * plain-language message for the options page, the details of what was
 * rejected, and whether trying again soon could help (network trouble and
 * HTTP 5xx can; a malformed or invalid feed cannot).
 */
import type { FeedErrorCode, FeedErrorInfo } from './feed-record';
import { errorMessage } from '../error-message';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly options: { retryable?: boolean; details?: string[]; status?: number } = {},
  ) {
    super(message);
    this.name = 'FeedError';
  }

  get retryable(): boolean {
    return this.options.retryable === true;
  }

  get details(): string[] | undefined {
    return this.options.details;
  }

  toInfo(at: number): FeedErrorInfo {
    return { code: this.code, message: this.message, ...(this.details?.length ? { details: this.details } : {}), at };
  }
}

/** A size for people: `850 KB`, `20.0 MB`. */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  // IndexedDB reports a full disk as a QuotaExceededError on the transaction's error.
  const inner = (error as { error?: { name?: unknown } }).error?.name;
  return typeof name === 'string' && name !== 'Error' ? name : typeof inner === 'string' ? inner : undefined;
}

/** Any error from a sync as a FeedError (a storage quota error gets its own clear message). */
export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return new FeedError(
      'quota',
      'Your browser has no storage space left for Termlight, so the feed was not saved (the previous copy is still in use). ' +
        'Free some disk space or unsubscribe from feeds you no longer need, then sync again.',
    );
  }
  const message = errorMessage(error);
  return new FeedError('storage', `The feed could not be saved (${message}). The previous copy is still in use.`);
}
