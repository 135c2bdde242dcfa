import { describe, expect, it, vi } from 'vitest';
import type { TermView } from '../../utils/messaging/protocol';
import { createTermCache } from '../../utils/tooltip/term-cache';

const view = (id: string): TermView => ({
  id,
  term: id,
  aliases: [],
  abbreviations: [],
  summary: `About ${id}.`,
  body: '',
  sets: ['s'],
  related: [],
  setTitles: ['S'],
  relatedTerms: [],
});

describe('tooltip term cache', () => {
  it('asks the background once per term, even for concurrent requests', async () => {
    const fetchTerm = vi.fn(async (id: string) => view(id));
    const cache = createTermCache(fetchTerm);
    const [a, b] = await Promise.all([cache.get('basis'), cache.get('basis')]);
    expect(a).toBe(b);
    await cache.get('basis');
    expect(fetchTerm).toHaveBeenCalledTimes(1);
  });

  it('peeks synchronously only once the term has arrived', async () => {
    const cache = createTermCache(async (id) => view(id));
    expect(cache.peek('basis')).toBeUndefined();
    const pending = cache.get('basis');
    expect(cache.peek('basis')).toBeUndefined();
    await pending;
    expect(cache.peek('basis')?.summary).toBe('About basis.');
  });

  it('remembers a term the glossary does not have', async () => {
    const fetchTerm = vi.fn(async () => null);
    const cache = createTermCache(fetchTerm);
    expect(await cache.get('gone')).toBeNull();
    expect(cache.peek('gone')).toBeNull();
    expect(await cache.get('gone')).toBeNull();
    expect(fetchTerm).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed request so the next hover tries again', async () => {
    const fetchTerm = vi.fn().mockRejectedValueOnce(new Error('worker asleep')).mockResolvedValue(view('basis'));
    const cache = createTermCache(fetchTerm);
    await expect(cache.get('basis')).rejects.toThrow('worker asleep');
    expect(cache.peek('basis')).toBeUndefined();
    expect((await cache.get('basis'))?.id).toBe('basis');
    expect(fetchTerm).toHaveBeenCalledTimes(2);
  });
});
