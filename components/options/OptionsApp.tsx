/** The options page: one column of sections, a table of contents, and the page theme from settings. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { OPTIONS_SECTIONS, readOptionsLink, type OptionsSection } from '../../utils/options/options-link';
import { AppearanceSection } from './AppearanceSection';
import { ExportSection } from './ExportSection';
import { FeedsSection } from './FeedsSection';
import { ImportSection } from './ImportSection';
import { MyTermsSection } from './MyTermsSection';
import { SetsSection } from './SetsSection';
import { SiteRulesSection } from './SiteRulesSection';
import { useCurrentSection } from './use-current-section';
import { useSets } from './use-glossary';
import { useEditableSettings } from '../shared/use-editable-settings';

/** The table of contents; the section ids are the ones links may point at. */
const SECTION_LABELS: Record<OptionsSection, string> = {
  sets: 'Term sets',
  'my-terms': 'My terms',
  import: 'Import',
  export: 'Export',
  feeds: 'Feeds',
  sites: 'Site rules',
  appearance: 'Appearance',
};

export function OptionsApp() {
  const { settings, update, saveError } = useEditableSettings();
  // Bumped after every change this page makes to the glossary, so lists reload.
  const [revision, setRevision] = useState(0);
  const glossaryChanged = useCallback(() => setRevision((n) => n + 1), []);
  const sets = useSets(revision);

  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);

  // A link to a section (#my-terms from the popup): the sections exist only once
  // settings and sets have loaded, so the browser's own jump to the hash found nothing.
  const [link] = useState(() => readOptionsLink(location.href));
  const ready = settings !== undefined && sets !== undefined;
  useEffect(() => {
    if (ready && link.section) document.getElementById(link.section)?.scrollIntoView();
  }, [ready]);
  // The table of contents marks the section being read.
  const current = useCurrentSection(OPTIONS_SECTIONS, ready, link.section);

  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>Termlight settings</h1>
      </header>
      <nav class="options-nav" aria-label="Sections">
        <ul>
          {OPTIONS_SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`} aria-current={id === current ? 'location' : undefined}>
                {SECTION_LABELS[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main">
        {saveError && (
          <p class="save-error" role="alert">
            {saveError}
          </p>
        )}
        {!settings ? (
          <p class="tl-pending" aria-busy="true">Loading…</p>
        ) : (
          <>
            <SetsSection sets={sets} settings={settings} update={update} onGlossaryChanged={glossaryChanged} />
            <MyTermsSection revision={revision} sets={sets} onGlossaryChanged={glossaryChanged} initialName={link.name} />
            <ImportSection onGlossaryChanged={glossaryChanged} />
            <ExportSection sets={sets} />
            <FeedsSection settings={settings} update={update} />
            <SiteRulesSection settings={settings} update={update} />
            <AppearanceSection settings={settings} update={update} />
          </>
        )}
      </main>
    </div>
  );
}
