/**
 * Site rules: Termlight on everywhere except the listed sites, or only on the
 * listed sites. A rule covers the site's subdomains too.
 */
import { useState } from 'preact/hooks';
import type { Settings, SiteMode } from '../../utils/settings';
import type { UpdateSettings } from '../shared/use-editable-settings';
import { siteRuleOf } from './site-rules';

interface Props {
  settings: Settings;
  update: UpdateSettings;
}

export function SiteRulesSection({ settings, update }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const only = settings.siteMode === 'only-listed';
  const key = only ? 'enabledSites' : 'disabledSites';
  const sites = settings[key];

  const add = async (event: Event) => {
    event.preventDefault();
    const rule = siteRuleOf(input);
    if (!rule.ok) {
      setError(rule.message);
      return;
    }
    if (sites.includes(rule.site)) {
      setError(`${rule.site} is already in the list.`);
      return;
    }
    setError('');
    // A site that could not be saved stays in the field.
    if (await update((current) => ({ [key]: [...new Set([...current[key], rule.site])].sort() }))) setInput('');
  };
  const remove = (site: string) => void update((current) => ({ [key]: current[key].filter((s) => s !== site) }));
  const setMode = (siteMode: SiteMode) => void update({ siteMode });

  return (
    <section class="options-section" id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Site rules</h2>
      <fieldset class="site-mode">
        <legend>Where Termlight works</legend>
        <label class="choice">
          <input type="radio" name="site-mode" checked={!only} onChange={() => setMode('all-but-listed')} />{' '}
          Everywhere, except the sites listed
        </label>
        <label class="choice">
          <input type="radio" name="site-mode" checked={only} onChange={() => setMode('only-listed')} />{' '}
          Only on the sites listed
        </label>
      </fieldset>
      <p class="muted">
        {only
          ? 'Termlight highlights only on these sites (and their subdomains).'
          : 'Termlight highlights nothing on these sites (and their subdomains).'}
      </p>
      <form class="row" onSubmit={(e) => void add(e)} noValidate>
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
        <button type="submit">{only ? 'Turn on for this site' : 'Turn off on this site'}</button>
      </form>
      {error && (
        <p id="site-error" class="field-error">
          {error}
        </p>
      )}
      {sites.length === 0 ? (
        <p class="muted">{only ? 'No site yet: Termlight is on nowhere.' : 'Termlight is on everywhere.'}</p>
      ) : (
        <ul class="site-list" aria-label={only ? 'Sites where Termlight is on' : 'Sites where Termlight is off'}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="link-button"
                onClick={() => remove(site)}
                aria-label={only ? `Turn Termlight off for ${site}` : `Turn Termlight back on for ${site}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
