import { describe, expect, it } from 'vitest';
import { FeedError } from '../../utils/feeds/feed-error';
import { downloadWithLimits, type DownloadOptions } from '../../utils/feeds/fetch-with-limits';
import { cutOff, fakeServer, file } from '../fixtures/feeds/fake-server';

const LIMITS: DownloadOptions = { maxBytes: 1000, stallTimeoutMs: 200, totalTimeoutMs: 1000 };

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected the download to fail');
}

function streamed(chunks: string[], delayMs = 0, headers: Record<string, string> = {}) {
  return () =>
    new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const chunk of chunks) {
            if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
            controller.enqueue(new TextEncoder().encode(chunk));
          }
          controller.close();
        },
      }),
      { status: 200, headers },
    );
}

describe('downloading a feed', () => {
  it('sends the stored ETag and Last-Modified, and a 304 costs nothing else', async () => {
    const server = fakeServer();
    server.route('/feed.json', file('{"a":1}', '"v1"'));
    const result = await downloadWithLimits(server.fetch, server.url('/feed.json'), { ...LIMITS, etag: '"v1"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
    expect(result).toEqual({ status: 'not-modified' });
    expect(server.requests[0].headers.get('if-none-match')).toBe('"v1"');
    expect(server.requests[0].headers.get('if-modified-since')).toBe('Wed, 01 May 2024 10:00:00 GMT');
  });

  it('returns the body with its validators on a 200', async () => {
    const server = fakeServer();
    server.route('/feed.json', file('{"a":1}', '"v2"', { 'last-modified': 'Thu, 02 May 2024 10:00:00 GMT' }));
    const result = await downloadWithLimits(server.fetch, server.url('/feed.json'), { ...LIMITS, etag: '"v1"' });
    expect(result).toMatchObject({ status: 'ok', text: '{"a":1}', etag: '"v2"', lastModified: 'Thu, 02 May 2024 10:00:00 GMT' });
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const server = fakeServer();
    server.route('/big.json', () => new Response('x'.repeat(10), { headers: { 'content-length': '5000000' } }));
    const error = await failure(downloadWithLimits(server.fetch, server.url('/big.json'), LIMITS));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The feed is 4.8 MB; Termlight accepts at most 1 KB per file. Nothing was downloaded.');
    expect(error.retryable).toBe(false);
  });

  it('counts bytes while streaming when the server does not say the size', async () => {
    const server = fakeServer();
    server.route('/big.json', streamed(['x'.repeat(600), 'x'.repeat(600)]));
    const progress: number[] = [];
    const error = await failure(downloadWithLimits(server.fetch, server.url('/big.json'), { ...LIMITS, onProgress: (done) => progress.push(done) }));
    expect(error.code).toBe('too-large');
    expect(progress).toEqual([600]);
  });

  it('reports a body cut off mid-download, and may retry it', async () => {
    const server = fakeServer();
    server.route('/cut.json', cutOff('{"format":"termlight-glossary"}', 10, 31));
    const error = await failure(downloadWithLimits(server.fetch, server.url('/cut.json'), LIMITS));
    expect(error.code).toBe('truncated');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/was cut off after 0 KB of 1 KB \(network error\)/);
  });

  it('reports a body shorter than its Content-Length', async () => {
    const server = fakeServer();
    server.route('/short.json', streamed(['{"a":'], 0, { 'content-length': '40' }));
    const error = await failure(downloadWithLimits(server.fetch, server.url('/short.json'), LIMITS));
    expect(error.code).toBe('truncated');
  });

  it('retries HTTP 5xx but not 404', async () => {
    const server = fakeServer();
    server.route('/down.json', () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }));
    const down = await failure(downloadWithLimits(server.fetch, server.url('/down.json'), LIMITS));
    expect(down).toMatchObject({ code: 'http', retryable: true });
    expect(down.message).toBe('feeds.example had a problem and could not send the feed (HTTP 503 Service Unavailable). Termlight will try again later.');
    const missing = await failure(downloadWithLimits(server.fetch, server.url('/nothing.json'), LIMITS));
    expect(missing).toMatchObject({ code: 'http', retryable: false });
    expect(missing.message).toMatch(/There is no feed at this address/);
  });

  it('turns a failed connection into a network error that may be retried', async () => {
    const error = await failure(
      downloadWithLimits(async () => Promise.reject(new TypeError('Failed to fetch')), 'https://feeds.example/feed.json', LIMITS),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/^Could not reach feeds\.example \(Failed to fetch\)/);
  });

  it('gives up on a server that stops sending', async () => {
    const server = fakeServer();
    server.route('/slow.json', streamed(['{', '"a":1}'], 400));
    const error = await failure(downloadWithLimits(server.fetch, server.url('/slow.json'), LIMITS));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/nothing arrived for 0 seconds|stopped sending/);
  });

  it('refuses text that is not UTF-8', async () => {
    const server = fakeServer();
    server.route('/latin1.json', () => new Response(new Uint8Array([0x7b, 0xe9, 0x7d])));
    expect((await failure(downloadWithLimits(server.fetch, server.url('/latin1.json'), LIMITS))).code).toBe('malformed');
  });
});
