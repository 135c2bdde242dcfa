/** How highlights and tooltips behave: first or every occurrence, everyday words, hover delay, theme, keyboard. */
import { useEffect, useState } from 'preact/hooks';
import type { HighlightMode, HighlightStyle, Settings, Theme } from '../../utils/settings';
import type { UpdateSettings } from './use-options-settings';

interface Props {
  settings: Settings;
  update: UpdateSettings;
}

const MAX_DELAY = 2000;

export function AppearanceSection({ settings, update }: Props) {
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);
  const delayValue = Number(delay);
  const delayError = delay.trim() === '' || !Number.isInteger(delayValue) || delayValue < 0 || delayValue > MAX_DELAY
    ? `Use a whole number of milliseconds from 0 to ${MAX_DELAY}.`
    : '';
  const saveDelay = () => {
    if (!delayError && delayValue !== settings.hoverDelayMs) void update({ hoverDelayMs: delayValue });
  };

  return (
    <section class="options-section" id="appearance" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance and behaviour</h2>
      <fieldset>
        <legend>Highlight</legend>
        {(
          [
            ['first', 'The first time each term appears on a page'],
            ['all', 'Every time a term appears'],
          ] as Array<[HighlightMode, string]>
        ).map(([mode, label]) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="highlight-mode"
              checked={settings.highlightMode === mode}
              onChange={() => void update({ highlightMode: mode })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="highlight-style">Highlight style</label>
        <select
          id="highlight-style"
          value={settings.highlightStyle}
          onChange={(e) => void update({ highlightStyle: e.currentTarget.value as HighlightStyle })}
        >
          <option value="dotted">Dotted underline</option>
          <option value="solid">Solid underline</option>
          <option value="tint">Tinted background (easier to spot)</option>
        </select>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.includeAmbiguous}
          onChange={(e) => void update({ includeAmbiguous: e.currentTarget.checked })}
        />{' '}
        Also highlight terms that are everyday words (call, spread, premium…)
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.focusableHighlights}
          onChange={(e) => void update({ focusableHighlights: e.currentTarget.checked })}
        />{' '}
        Let the Tab key reach highlights (open a definition with the keyboard)
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.showTermCount}
          onChange={(e) => void update({ showTermCount: e.currentTarget.checked })}
        />{' '}
        Show how many terms a page has on the Termlight button
      </label>
      <div class="field">
        <label for="hover-delay">Hover delay before a definition opens (milliseconds)</label>
        <input
          id="hover-delay"
          type="number"
          min={0}
          max={MAX_DELAY}
          step={50}
          value={delay}
          aria-invalid={delayError ? true : undefined}
          aria-describedby={delayError ? 'hover-delay-error' : undefined}
          onInput={(e) => setDelay(e.currentTarget.value)}
          onChange={saveDelay}
          onBlur={saveDelay}
        />
        {delayError && (
          <p id="hover-delay-error" class="field-error">
            {delayError}
          </p>
        )}
      </div>
      <div class="field">
        <label for="theme">Theme</label>
        <select id="theme" value={settings.theme} onChange={(e) => void update({ theme: e.currentTarget.value as Theme })}>
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </div>
    </section>
  );
}
