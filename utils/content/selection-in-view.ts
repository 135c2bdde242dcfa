/**
 * The words selected on the page, when the user can see them. The popup opens
 * on a search for a selection (a look-up); one scrolled out of sight is
 * left over from earlier reading, and the page's own terms serve better.
 */
export function selectedTextInView(doc: Document): string {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
  const view = doc.defaultView;
  if (!view) return '';
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  const inView = rect.bottom > 0 && rect.top < view.innerHeight && rect.right > 0 && rect.left < view.innerWidth;
  return inView ? selection.toString() : '';
}
