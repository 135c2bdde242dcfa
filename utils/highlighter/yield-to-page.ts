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

/** Splits work into slices of `budgetMs`, yielding between them, and keeps count of the work time. */
export class TimeSlicer {
  private sliceStart = performance.now();
  /** Work time of the finished slices (time spent yielded is not counted). */
  private finishedMs = 0;
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
    await yieldToPage();
    this.slices++;
    this.sliceStart = performance.now();
  }

  finish(): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - this.sliceStart);
  }
}
