/**
 * The welcome page (#/welcome), opened once when Termlight is installed:
 * what it does on a page, where its controls are, and what stays private.
 * The sample sentence and card are drawn from the glossary itself, so they
 * show real terms and the definitions the user will see.
 */
import { termViewOf, type Catalog } from '../../utils/reader/catalog';
import type { OptionsSection } from '../../utils/options/options-link';
import { optionsUrl } from '../../utils/options/options-url';
import { hrefOf, setHref, termHref } from '../../utils/reader/router';
import { useTitle } from './use-title';

/** The sample sentence: plain text and, between, the words of a term (by id) as a page would show them. */
const SAMPLE: ReadonlyArray<string | { termId: string; words: string }> = [
  { termId: 'funding-rate', words: 'Funding rates' },
  ' flipped negative overnight as a ',
  { termId: 'liquidation-cascade', words: 'liquidation cascade' },
  ' swept through longs, and the ',
  { termId: 'open-interest-collapse', words: 'open interest collapse' },
  ' that followed left ',
  { termId: 'max-pain', words: 'max pain' },
  ' far below the price.',
];

/** The term the sample card shows: the first of the sentence. */
const CARD_TERM = 'funding-rate';

const SETTINGS: ReadonlyArray<{ section: OptionsSection; label: string; what: string }> = [
  { section: 'sets', label: 'Term sets', what: 'turn whole subjects on or off, give each a colour' },
  { section: 'appearance', label: 'Appearance', what: 'every occurrence or the first, underline or tint, hover delay, theme, Tab to highlights' },
  { section: 'sites', label: 'Site rules', what: 'everywhere but some sites, or only on the sites you list' },
  { section: 'feeds', label: 'Feeds', what: 'subscribe to a team’s glossary; it syncs on a schedule' },
  { section: 'my-terms', label: 'My terms', what: 'add your own words and definitions' },
  { section: 'import', label: 'Import', what: 'bring in a glossary file: Termlight JSON, CSV or a page’s schema.org glossary' },
];

export function WelcomePage({ catalog }: { catalog: Catalog }) {
  useTitle('Welcome');
  const card = termViewOf(catalog, CARD_TERM);
  return (
    <div class="rd-page rd-welcome">
      <h1 class="rd-title" tabIndex={-1}>
        Welcome to Termlight
      </h1>
      <p class="rd-lead">
        Termlight explains the jargon of markets where you read it: {catalog.terms.length.toLocaleString('en')} terms of
        trading, derivatives, crypto and the economy, in {catalog.sets.length} sets, are now in your browser.
      </p>

      <section class="rd-section" aria-labelledby="rd-welcome-page">
        <h2 id="rd-welcome-page">On the pages you read</h2>
        <p>News, research and exchange pages get a quiet dotted underline under the terms Termlight knows, like this:</p>
        <blockquote class="rd-welcome-sample">
          {SAMPLE.map((part, i) =>
            typeof part === 'string' ? (
              part
            ) : catalog.termById.has(part.termId) ? (
              <a key={i} class="rd-sample-term" href={termHref(part.termId)}>
                {part.words}
              </a>
            ) : (
              part.words
            ),
          )}
        </blockquote>
        <p>
          Hover one (or tap it) and a card opens with a short definition, the set the term belongs to, related terms
          and <strong>Read more</strong>, which opens this reader at the term:
        </p>
        {card && (
          <figure class="rd-welcome-card" aria-label={`Sample card: ${card.term}`}>
            <p class="rd-welcome-card-name">{card.term}</p>
            <p class="rd-welcome-card-sets">
              {card.sets.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' · '}
                  <a href={setHref(id)}>{card.setTitles[i]}</a>
                </span>
              ))}
            </p>
            <p>{card.summary}</p>
          </figure>
        )}
        <p>
          Only the first time a term appears on a page is underlined. Nothing is underlined in forms, code or editable
          text. A page that was open before the install lights up when you reload it or click Termlight’s toolbar
          button on it.
        </p>
      </section>

      <section class="rd-section" aria-labelledby="rd-welcome-button">
        <h2 id="rd-welcome-button">The toolbar button</h2>
        <ul class="rd-welcome-list">
          <li>
            Pin Termlight to the toolbar (the puzzle-piece menu, then the pin) to see how many terms each page holds.
          </li>
          <li>
            Click it, or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>G</kbd>, to search every term, list the terms on
            the page, and switch Termlight off for a site or pause it.
          </li>
          <li>
            Select words anywhere and right-click <strong>Look up in Termlight</strong> to read about them here.
          </li>
        </ul>
      </section>

      <section class="rd-section" aria-labelledby="rd-welcome-settings">
        <h2 id="rd-welcome-settings">Make it yours</h2>
        <ul class="rd-welcome-list">
          {SETTINGS.map(({ section, label, what }) => (
            <li key={section}>
              <a href={optionsUrl({ section })}>{label}</a>: {what}.
            </li>
          ))}
        </ul>
      </section>

      <section class="rd-section" aria-labelledby="rd-welcome-private">
        <h2 id="rd-welcome-private">Private, and works offline</h2>
        <p>
          The glossary is kept in your browser and this reader works without a network. Termlight reads pages on your
          machine only and sends nothing anywhere; it goes online only to fetch a feed you subscribe to, and asks for
          that one site first.
        </p>
      </section>

      <p class="rd-welcome-next">
        <a class="rd-button" href={hrefOf({ kind: 'home' })}>
          Browse the glossary
        </a>{' '}
        <a href={hrefOf({ kind: 'az' })}>or every term, A to Z</a>
      </p>
    </div>
  );
}
