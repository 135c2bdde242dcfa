/**
 * Which frames Termlight works in. The content script is injected into every
 * frame (`allFrames`), but it only highlights the top document and frames of
 * the same origin as the top (an article split into frames, a framed reader
 * view). Cross-origin frames (ads, embeds, widgets) are left alone.
 */
export function isWantedFrame(win: Window = window): boolean {
  if (win === win.top) return true;
  try {
    // Reading the top's origin throws for a cross-origin frame.
    return win.top?.location.origin === win.location.origin;
  } catch {
    return false;
  }
}
