/**
 * One HTTP download with the limits a feed needs: conditional headers from
 * the last copy (an unchanged feed costs one 304), a size cap checked on
 * Content-Length and again while streaming, a timeout for servers that stall,
 * and a body that must arrive whole. Every failure is a FeedError that says
 * whether retrying could help. `fetch` is injected so tests use a fake server.
 */
import { FeedError, megabytes } from './feed-error';
import { hostOf } from './feed-url';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface DownloadOptions {
  /** Validators of the copy we hold; sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  maxBytes: number;
  /** Give up when no byte arrives for this long (headers included). */
  stallTimeoutMs: number;
  /** Give up when the whole download takes longer than this. */
  totalTimeoutMs: number;
  onProgress?(done: number, total: number | null): void;
}

export type Download =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; bytes: Uint8Array; etag?: string; lastModified?: string };

const ACCEPT = 'application/json, application/ld+json;q=0.9, text/html;q=0.5, */*;q=0.1';

function httpError(url: string, response: Response): FeedError {
  const host = hostOf(url);
  const status = response.status;
  const label = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (status === 404 || status === 410) {
    return new FeedError('http', `There is no feed at this address: ${host} answered “${label}”. Check the address.`, { status });
  }
  if (status === 401 || status === 403) {
    return new FeedError('http', `${host} refused access to the feed (${label}).`, { status });
  }
  if (status >= 500) {
    return new FeedError('http', `${host} had a problem and could not send the feed (${label}). Termlight will try again later.`, {
      status,
      retryable: true,
    });
  }
  return new FeedError('http', `${host} did not send the feed: it answered “${label}”.`, { status });
}

export async function downloadWithLimits(fetchFn: FetchFn, url: string, options: DownloadOptions): Promise<Download> {
  const host = hostOf(url);
  const controller = new AbortController();
  let timedOut: FeedError | undefined;
  const abortWith = (error: FeedError) => {
    timedOut ??= error;
    controller.abort(error);
  };
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const armStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () =>
        abortWith(
          new FeedError('timeout', `${host} stopped sending the feed: nothing arrived for ${Math.round(options.stallTimeoutMs / 1000)} seconds.`, {
            retryable: false,
          }),
        ),
      options.stallTimeoutMs,
    );
  };
  const totalTimer = setTimeout(
    () =>
      abortWith(
        new FeedError('timeout', `${host} is too slow: the feed did not arrive within ${Math.round(options.totalTimeoutMs / 1000)} seconds.`),
      ),
    options.totalTimeoutMs,
  );

  // Every wait below races this, so a timeout ends the download even if the body ignores the signal.
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  aborted.catch(() => undefined);

  const conditional = Boolean(options.etag || options.lastModified);
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;

  const race = <T>(work: Promise<T>) => Promise.race([work, aborted]);
  try {
    armStall();
    let response: Response;
    try {
      response = await race(fetchFn(url, {
        headers,
        signal: controller.signal,
        // With our own validators the 304 must reach us, not the HTTP cache;
        // without them, revalidate so a cached copy is never taken for new.
        cache: conditional ? 'no-store' : 'no-cache',
        credentials: 'omit',
        redirect: 'follow',
      }));
    } catch (error) {
      if (timedOut) throw timedOut;
      throw new FeedError('network', `Could not reach ${host} (${(error as Error).message || 'the connection failed'}). Check your connection; Termlight will try again later.`, {
        retryable: true,
      });
    }

    if (response.status === 304 && conditional) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw httpError(url, response);
    }

    const lengthHeader = response.headers.get('content-length');
    const declared = lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : null;
    const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
    // Content-Length counts the bytes on the wire; a compressed body decodes to more.
    const expected = declared !== null && encoding === 'identity' ? declared : null;
    if (declared !== null && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedError('too-large', `The feed is ${megabytes(declared)}; Termlight accepts at most ${megabytes(options.maxBytes)} per file. Nothing was downloaded.`);
    }

    const chunks: Uint8Array[] = [];
    let received = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await race(reader.read());
        } catch (error) {
          if (timedOut) {
            void reader.cancel().catch(() => undefined);
            throw timedOut;
          }
          throw new FeedError(
            'truncated',
            `The download from ${host} was cut off after ${megabytes(received)}${expected ? ` of ${megabytes(expected)}` : ''} (${(error as Error).message || 'connection closed'}).`,
            { retryable: true },
          );
        }
        if (chunk.done) break;
        received += chunk.value.byteLength;
        if (received > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FeedError('too-large', `The feed is larger than ${megabytes(options.maxBytes)}, the most Termlight accepts per file; the download was stopped.`);
        }
        chunks.push(chunk.value);
        armStall();
        options.onProgress?.(received, expected);
      }
    }
    if (expected !== null && received < expected) {
      throw new FeedError('truncated', `The download from ${host} was cut off: ${megabytes(received)} of ${megabytes(expected)} arrived.`, {
        retryable: true,
      });
    }

    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new FeedError('malformed', 'The feed is not UTF-8 text, so it cannot be read.');
    }
    return {
      status: 'ok',
      text,
      bytes,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } finally {
    clearTimeout(stallTimer);
    clearTimeout(totalTimer);
  }
}
