import { describe, expect, it } from 'vitest';
import { backoffDelays, withRetry } from '../../utils/feeds/backoff';
import { FeedError } from '../../utils/feeds/feed-error';

describe('feed retries', () => {
  it('waits 1 s then 2 s between three tries', () => {
    expect(backoffDelays({ tries: 3 })).toEqual([1000, 2000]);
  });

  it('doubles the wait and caps it', () => {
    expect(backoffDelays({ tries: 6, baseMs: 1000, maxMs: 4000 })).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(backoffDelays({ tries: 1 })).toEqual([]);
  });

  it('retries a network error and an HTTP 5xx, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new FeedError('network', 'offline', { retryable: true });
        if (calls === 2) throw new FeedError('http', 'HTTP 503', { retryable: true, status: 503 });
        return 'feed';
      },
      { delays: [1000, 2000], isRetryable: (e) => e instanceof FeedError && e.retryable, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('feed');
    expect(waits).toEqual([1000, 2000]);
  });

  it('gives up after the last try with the last error', async () => {
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls++;
        throw new FeedError('http', `HTTP 500 #${calls}`, { retryable: true });
      },
      { delays: [1, 2], isRetryable: () => true, sleep: async () => undefined },
    );
    await expect(attempt).rejects.toThrow('HTTP 500 #3');
    expect(calls).toBe(3);
  });

  it('never retries a validation error', async () => {
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls++;
        throw new FeedError('invalid', 'bad feed');
      },
      { delays: [1000, 2000], isRetryable: (e) => e instanceof FeedError && e.retryable, sleep: async () => undefined },
    );
    await expect(attempt).rejects.toThrow('bad feed');
    expect(calls).toBe(1);
  });
});
