/** How highlights and tooltips behave: first or every occurrence, style, everyday words, keyboard, the toolbar count, hover delay, theme. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_APPEARANCE, hasDefaultAppearance, type HighlightMode, type HighlightStyle, type Settings, type Theme } from '../../utils/settings';
import type { UpdateSettings } from '../shared/use-editable-settings';

interface Props {
  settings: Settings;
  update: UpdateSettings;
}

const MAX_DELAY = 2000;

/** The on/off settings shown as checkboxes here. */
type SwitchSetting = 'includeAmbiguous' | 'focusableHighlights' | 'showTermCount';

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
      {(
        [
          ['includeAmbiguous', 'Also highlight terms that are everyday words (call, spread, premium…)'],
          ['focusableHighlights', 'Let the Tab key reach highlights (open a definition with the keyboard)'],
          ['showTermCount', 'Show how many terms a page has on the Termlight button'],
        ] as Array<[SwitchSetting, string]>
      ).map(([key, label]) => (
        <label key={key} class="choice">
          <input type="checkbox" checked={settings[key]} onChange={(e) => void update({ [key]: e.currentTarget.checked })} />{' '}
          {label}
        </label>
      ))}
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
      <p>
        <button type="button" disabled={hasDefaultAppearance(settings)} onClick={() => void update(DEFAULT_APPEARANCE)}>
          Restore the default appearance
        </button>
      </p>
    </section>
  );
}
