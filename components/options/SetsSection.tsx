/**
 * Term sets: every set with its title, description, term count and origin;
 * a switch that turns its highlights on or off on every open tab (through
 * settings.disabledSets, which content scripts follow live); a colour; and
 * removal for sets the user imported. Below them, the terms hidden from a
 * definition card, each with a way back.
 */
import { useState } from 'preact/hooks';
import type { SetSummary } from '../../utils/db/glossary-store';
import { sendMessage } from '../../utils/messaging/protocol';
import type { Settings } from '../../utils/settings';
import type { UpdateSettings } from '../shared/use-editable-settings';
import { HiddenTerms } from './HiddenTerms';
import { DEFAULT_SET_COLOR, ORIGIN_LABELS, plural } from './set-labels';

interface Props {
  sets: SetSummary[] | undefined;
  settings: Settings;
  update: UpdateSettings;
  onGlossaryChanged(): void;
}

export function SetsSection({ sets, settings, update, onGlossaryChanged }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  // List changes apply to the lists as stored when written: two quick switches both count.
  const toggle = (id: string, on: boolean) =>
    void update((current) => {
      const disabled = new Set(current.disabledSets);
      if (on) disabled.delete(id);
      else disabled.add(id);
      return { disabledSets: [...disabled].sort() };
    });
  const onCount = sets?.filter((set) => !settings.disabledSets.includes(set.id)).length ?? 0;
  // All on or all off at once: with twenty sets, someone who reads only crypto news starts from "all off".
  const setAll = (on: boolean) => void update({ disabledSets: on ? [] : (sets ?? []).map((set) => set.id).sort() });
  const setColor = (id: string, color: string | null) =>
    void update((current) => {
      const next = { ...current.setColors };
      if (color === null) delete next[id];
      else next[id] = color;
      return { setColors: next };
    });
  const remove = async (set: SetSummary) => {
    setConfirming(null);
    const removed = await sendMessage('deleteSet', set.id);
    setMessage(removed ? `Removed “${set.title}”.` : `“${set.title}” cannot be removed.`);
    if (removed) {
      await update((current) => {
        const { [set.id]: _gone, ...colors } = current.setColors;
        return { disabledSets: current.disabledSets.filter((s) => s !== set.id), setColors: colors };
      });
      onGlossaryChanged();
    }
  };

  return (
    <section class="options-section" id="sets" aria-labelledby="sets-heading">
      <h2 id="sets-heading">Term sets</h2>
      <p class="muted">
        Turn a set off and its terms stop being highlighted on every open tab at once. A set’s colour is the
        colour of its highlights, changed on open tabs at once too.
      </p>
      {!sets ? (
        <p aria-busy="true">Loading sets…</p>
      ) : sets.length === 0 ? (
        <p>No term sets yet.</p>
      ) : (
        <>
          <div class="row set-bulk" role="group" aria-label="All term sets">
            <span class="muted">
              {onCount} of {plural(sets.length, 'set')} on
            </span>
            <button type="button" disabled={onCount === sets.length} onClick={() => setAll(true)}>
              Turn all on
            </button>
            <button type="button" disabled={onCount === 0} onClick={() => setAll(false)}>
              Turn all off
            </button>
          </div>
          <ul class="set-list">
            {sets.map((set) => {
              const on = !settings.disabledSets.includes(set.id);
              const switchId = `set-on-${set.id}`;
              const color = settings.setColors[set.id];
              return (
                <li class="set-row" key={set.id} data-set-id={set.id}>
                  <div class="set-main">
                    <div class="set-title-line">
                      <label class="switch" for={switchId}>
                        <input
                          id={switchId}
                          type="checkbox"
                          role="switch"
                          checked={on}
                          aria-label={`Highlight terms from ${set.title}`}
                          onChange={(e) => toggle(set.id, e.currentTarget.checked)}
                        />
                        <span class="switch-track" aria-hidden="true" />
                      </label>
                      <h3 class="set-title">{set.title}</h3>
                      <span class={`badge badge-${set.origin}`}>{ORIGIN_LABELS[set.origin]}</span>
                    </div>
                    {set.description && <p class="set-description">{set.description}</p>}
                    <p class="set-meta">
                      <span class="set-count">{plural(set.termCount, 'term')}</span>
                      {set.source && <span> · from {set.source}</span>}
                    </p>
                  </div>
                  <div class="set-actions">
                    <label class="color-picker">
                      <span>Colour</span>
                      <input
                        type="color"
                        value={color ?? DEFAULT_SET_COLOR}
                        aria-label={`Highlight colour for ${set.title}`}
                        onChange={(e) => setColor(set.id, e.currentTarget.value)}
                      />
                    </label>
                    {color && (
                      <button type="button" class="link-button" onClick={() => setColor(set.id, null)}>
                        Default colour
                      </button>
                    )}
                    {set.origin === 'imported' &&
                      (confirming === set.id ? (
                        <span class="confirm">
                          <button type="button" class="danger" onClick={() => void remove(set)}>
                            Remove {plural(set.termCount, 'term')}
                          </button>
                          <button type="button" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirming(set.id)} aria-label={`Remove ${set.title}`}>
                          Remove
                        </button>
                      ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p class="status" role="status">
        {message}
      </p>
      <HiddenTerms hiddenTerms={settings.hiddenTerms} />
    </section>
  );
}
