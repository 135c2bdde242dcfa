/**
 * Gives the main thread back to the page between slices of work, so
 * highlighting never makes a long task. `scheduler.yield()` keeps our place
 * in line where it exists (Chromium); elsewhere a macrotask does.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Work, in ms, after which the page is given a rendered frame before the
 * next slice. `scheduler.yield()` resumes before the browser renders, so
 * without this a term-dense page ran a dozen slices in one frame and then
 * paid style and layout for all their marks at once: one task of 50 to 60 ms
 * (long-animation-frame entries of 130 to 160 ms).
 */
const WORK_PER_FRAME_MS = 24;

/** Waits until the page has rendered a frame (or 100 ms, if frames do not come); at once for a hidden page, which renders none. */
function nextRenderedFrame(): Promise<void> {
  const doc = (globalThis as { document?: Document }).document;
  if (typeof requestAnimationFrame !== 'function' || doc?.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    // The frame's callbacks run before its style and layout; a task queued from one runs after them.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** Splits work into slices of `budgetMs`, yielding between them, and keeps count of the work time. */
export class TimeSlicer {
  private sliceStart = performance.now();
  /** Work time of the finished slices (time spent yielded is not counted). */
  private finishedMs = 0;
  /** Work time since the page last rendered a frame for us. */
  private sinceFrameMs = 0;
  longestSliceMs = 0;
  slices = 1;

  constructor(private readonly budgetMs: number) {}

  /** Main-thread time spent working so far. */
  get workMs(): number {
    return this.finishedMs + (performance.now() - this.sliceStart);
  }

  /**
   * Whether this slice has used its budget and it is time to `pause()`.
   * Cheap enough to ask after every unit of work; awaiting a promise after
   * every unit would not be (one microtask each).
   */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Ends the slice and gives the main thread back to the page. */
  async pause(): Promise<void> {
    const used = performance.now() - this.sliceStart;
    this.longestSliceMs = Math.max(this.longestSliceMs, used);
    this.finishedMs += used;
    this.sinceFrameMs += used;
    if (this.sinceFrameMs >= WORK_PER_FRAME_MS) {
      this.sinceFrameMs = 0;
      await nextRenderedFrame();
    }
    await yieldToPage();
    this.slices++;
    this.sliceStart = performance.now();
  }

  finish(): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - this.sliceStart);
  }
}
