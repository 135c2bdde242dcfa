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

/** Runs `step` repeatedly, yielding whenever a slice has used `budgetMs`. */
export class TimeSlicer {
  private sliceStart = performance.now();
  longestSliceMs = 0;
  slices = 1;

  constructor(private readonly budgetMs: number) {}

  /** Call between units of work; resolves at once unless the slice is used up. */
  async checkpoint(): Promise<void> {
    const used = performance.now() - this.sliceStart;
    if (used < this.budgetMs) return;
    this.longestSliceMs = Math.max(this.longestSliceMs, used);
    await yieldToPage();
    this.slices++;
    this.sliceStart = performance.now();
  }

  finish(): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - this.sliceStart);
  }
}
