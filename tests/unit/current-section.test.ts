import { describe, expect, it } from 'vitest';
import { currentSectionIndex } from '../../utils/options/current-section';

describe('the options section being read', () => {
  const WINDOW = 1000; // the reading line is at 250

  it('is the first section at the top of the page', () => {
    expect(currentSectionIndex([80, 900, 1500], WINDOW, false)).toBe(0);
  });

  it('is the last section whose top has passed the reading line', () => {
    expect(currentSectionIndex([-1200, -300, 200, 1100], WINDOW, false)).toBe(2);
    // A short section jumped to sits at the top; the next one, lower in the window, is not yet being read.
    expect(currentSectionIndex([-1200, 40, 340, 1100], WINDOW, false)).toBe(1);
  });

  it('is the last section once the page is at the bottom, where the short last sections stay low in the window', () => {
    expect(currentSectionIndex([-2000, -400, 150, 390], WINDOW, true)).toBe(3);
    expect(currentSectionIndex([-2000, -400, 150, 390], WINDOW, false)).toBe(2);
  });

  it('skips a section that is not on the page (top at infinity)', () => {
    expect(currentSectionIndex([-500, Infinity, 100], WINDOW, false)).toBe(2);
  });
});
