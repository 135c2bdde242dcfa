/** The options page: one column of sections, a table of contents, and the page theme from settings. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AppearanceSection } from './AppearanceSection';
import { ExportSection } from './ExportSection';
import { FeedsSection } from './FeedsSection';
import { ImportSection } from './ImportSection';
import { MyTermsSection } from './MyTermsSection';
import { SetsSection } from './SetsSection';
import { SiteRulesSection } from './SiteRulesSection';
import { useSets } from './use-glossary';
import { useOptionsSettings } from './use-options-settings';

const SECTIONS = [
  ['sets', 'Term sets'],
  ['my-terms', 'My terms'],
  ['import', 'Import'],
  ['export', 'Export'],
  ['feeds', 'Feeds'],
  ['sites', 'Site rules'],
  ['appearance', 'Appearance'],
] as const;

export function OptionsApp() {
  const [settings, update] = useOptionsSettings();
  // Bumped after every change this page makes to the glossary, so lists reload.
  const [revision, setRevision] = useState(0);
  const glossaryChanged = useCallback(() => setRevision((n) => n + 1), []);
  const sets = useSets(revision);

  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);

  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>Termlight settings</h1>
      </header>
      <nav class="options-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main">
        {!settings ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <>
            <SetsSection sets={sets} settings={settings} update={update} onGlossaryChanged={glossaryChanged} />
            <MyTermsSection revision={revision} sets={sets} onGlossaryChanged={glossaryChanged} />
            <ImportSection onGlossaryChanged={glossaryChanged} />
            <ExportSection sets={sets} />
            <FeedsSection />
            <SiteRulesSection settings={settings} update={update} />
            <AppearanceSection settings={settings} update={update} />
          </>
        )}
      </main>
    </div>
  );
}
