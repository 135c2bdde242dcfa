// @vitest-environment happy-dom
/**
 * The slicer gives the page a rendered frame after a few slices of work, so
 * the style and layout of the marks they made are paid in small frames, not
 * in one long task after a dozen slices (`scheduler.yield()` resumes before
 * the browser renders). A hidden page renders no frames and is not waited for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeSlicer } from '../../utils/highlighter/yield-to-page';

/** Keeps the main thread busy for `ms`, as a slice of real work would. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

describe('TimeSlicer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('waits for a rendered frame once its slices add up to a frame’s worth of work, and only then', async () => {
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame');
    const slicer = new TimeSlicer(10);
    work(12);
    await slicer.pause();
    expect(frame).not.toHaveBeenCalled();
    work(14);
    await slicer.pause();
    expect(frame).toHaveBeenCalledTimes(1);
    work(12);
    await slicer.pause();
    expect(frame).toHaveBeenCalledTimes(1);
    expect(slicer.slices).toBe(4);
  });

  it('does not wait for frames a hidden page never renders', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame');
    const slicer = new TimeSlicer(10);
    for (let i = 0; i < 4; i++) {
      work(12);
      await slicer.pause();
    }
    expect(frame).not.toHaveBeenCalled();
  });
});
