/**
 * The terms the user hid from the card ("Hide"): listed under Term sets with
 * a button to show each again. Hidden terms stay in the glossary (search,
 * reader, card); only their highlights are gone (settings.hiddenTerms).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging/protocol';
import { setTermHidden, setTermsHidden } from '../../utils/settings';

interface Props {
  hiddenTerms: string[];
}

export function HiddenTerms({ hiddenTerms }: Props) {
  // Names by id; a term deleted since it was hidden shows its id.
  const [names, setNames] = useState<Record<string, string>>({});
  const key = hiddenTerms.join('\n');
  // "Show all again" asks once more: the list may hold hundreds of terms, and there is no undo.
  const [confirmingShowAll, setConfirmingShowAll] = useState(false);
  // The focus follows the buttons as they swap, so the keyboard does not fall back to the top of the page.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const showAllButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirmingShowAll) cancelButton.current?.focus();
    else if (asked.current) showAllButton.current?.focus();
    asked.current = confirmingShowAll;
  }, [confirmingShowAll]);

  useEffect(() => {
    let live = true;
    if (hiddenTerms.length === 0) return;
    // One request for every name, however many terms are hidden (thousands fit in the settings).
    const hidden = new Set(hiddenTerms);
    void sendMessage('listTerms', {})
      .then((terms) => {
        if (live) setNames(Object.fromEntries(terms.filter((t) => hidden.has(t.id)).map((t) => [t.id, t.term])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key]);

  if (hiddenTerms.length === 0) return null;
  const nameOf = (id: string) => (Object.hasOwn(names, id) ? names[id] : id);
  const sorted = [...hiddenTerms].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <div class="hidden-terms">
      <h3 id="hidden-terms-heading">Hidden terms</h3>
      <p class="muted">You hid these from a definition card: they are not highlighted, but search and the reader still have them.</p>
      <ul aria-labelledby="hidden-terms-heading">
        {sorted.map((id) => (
          <li key={id} data-term-id={id}>
            <span dir="auto">{nameOf(id)}</span>
            {/* From the stored list, not this render's copy: another tab may have hidden a term meanwhile. */}
            <button type="button" aria-label={`Show ${nameOf(id)} again`} onClick={() => void setTermHidden(id, false)}>
              Show again
            </button>
          </li>
        ))}
      </ul>
      {hiddenTerms.length > 1 &&
        (confirmingShowAll ? (
          <p class="row" role="group" aria-label="Show all hidden terms again">
            <span>Highlight all {hiddenTerms.length} terms again?</span>
            <button
              type="button"
              class="primary"
              onClick={() => {
                setConfirmingShowAll(false);
                // The ids listed here, not "none": a term hidden in another tab meanwhile stays hidden.
                void setTermsHidden(hiddenTerms, false);
              }}
            >
              Show all again
            </button>
            <button type="button" ref={cancelButton} onClick={() => setConfirmingShowAll(false)}>
              Cancel
            </button>
          </p>
        ) : (
          <button type="button" ref={showAllButton} onClick={() => setConfirmingShowAll(true)}>
            Show all {hiddenTerms.length} again…
          </button>
        ))}
    </div>
  );
}
