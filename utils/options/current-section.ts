/**
 * Which section of the options page the user is reading, for the table of
 * contents: the last section whose top has scrolled up past a reading line
 * near the top of the window; at the bottom of the page, the last section,
 * which is too short to ever reach that line.
 */

/** Where the reading line sits, as a share of the window's height from its top. */
export const READING_LINE = 0.25;

/**
 * @param tops each section's top relative to the window (getBoundingClientRect().top), in page order
 * @param atBottom whether the page is scrolled as far down as it goes
 * @returns the index of the current section; the first before any has reached the line
 */
export function currentSectionIndex(tops: readonly number[], windowHeight: number, atBottom: boolean): number {
  if (atBottom && tops.length > 0) return tops.length - 1;
  const line = windowHeight * READING_LINE;
  let current = 0;
  for (let i = 0; i < tops.length; i++) if (tops[i] <= line) current = i;
  return current;
}
