/** Sites where Termlight stays off; a rule covers the site's subdomains too. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../utils/settings';
import { siteRuleOf } from './site-rules';

interface Props {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
}

export function SiteRulesSection({ settings, update }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  const add = (event: Event) => {
    event.preventDefault();
    const rule = siteRuleOf(input);
    if (!rule.ok) {
      setError(rule.message);
      return;
    }
    if (settings.disabledSites.includes(rule.site)) {
      setError(`${rule.site} is already in the list.`);
      return;
    }
    setError('');
    setInput('');
    void update({ disabledSites: [...settings.disabledSites, rule.site].sort() });
  };
  const remove = (site: string) => void update({ disabledSites: settings.disabledSites.filter((s) => s !== site) });

  return (
    <section class="options-section" id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Site rules</h2>
      <p class="muted">Termlight highlights nothing on these sites (and their subdomains).</p>
      <form class="row" onSubmit={add} noValidate>
        <label for="site-input">Site</label>
        <input
          id="site-input"
          type="text"
          value={input}
          placeholder="example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">Turn off on this site</button>
      </form>
      {error && (
        <p id="site-error" class="field-error">
          {error}
        </p>
      )}
      {settings.disabledSites.length === 0 ? (
        <p class="muted">Termlight is on everywhere.</p>
      ) : (
        <ul class="site-list" aria-label="Sites where Termlight is off">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="link-button" onClick={() => remove(site)} aria-label={`Turn Termlight back on for ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
