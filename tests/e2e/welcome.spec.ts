/**
 * The welcome page: a fresh install opens it once, by itself, and it shows
 * real terms of the glossary and links that lead where they say.
 * (An update opening no welcome page is checked in update.spec.ts.)
 */
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { expect, launchWithExtension, serviceWorkerOf, test, waitForGlossary, welcomePageOf, isWelcomeUrl } from './fixtures';

const glossary = compileBundledGlossary(readBundledSources());
const fundingRate = glossary.terms.find((t) => t.id === 'funding-rate')!;

test('a fresh install opens the welcome page once, with a sample of real terms and working links', async () => {
  const context = await launchWithExtension(undefined, { keepWelcome: true });
  try {
    const welcome = await welcomePageOf(context);
    const terms = await waitForGlossary(await serviceWorkerOf(context));
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Termlight');
    await expect(welcome).toHaveTitle('Welcome · Termlight reader');
    // The count is the glossary's, as installed.
    await expect(welcome.locator('.rd-lead')).toContainText(`${terms.toLocaleString('en')} terms`);

    // The sample card is the glossary's own Funding Rate, with its set.
    const card = welcome.getByRole('figure', { name: 'Sample card: Funding Rate' });
    await expect(card).toContainText(fundingRate.summary);
    await expect(card.getByRole('link', { name: 'Perpetual Futures and Funding' })).toBeVisible();

    // A term of the sample sentence opens its page in the reader.
    await welcome.getByRole('link', { name: 'liquidation cascade' }).click();
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Liquidation Cascade');
    await welcome.goBack();
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Termlight');

    // "Term sets" opens the options page at its Term sets section.
    await welcome.getByRole('link', { name: 'Term sets' }).click();
    await expect(welcome).toHaveURL(/\/options\.html#sets$/);
    await expect(welcome.locator('#sets')).toBeInViewport();

    // One welcome tab, however long the browser runs.
    await welcome.waitForTimeout(1000);
    expect(context.pages().filter((p) => isWelcomeUrl(p.url()))).toHaveLength(0);
  } finally {
    await context.close();
  }
});

test('the reader home page links to the welcome page', async ({ context, extensionId, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reader.html`);
  await page.getByRole('link', { name: 'How Termlight works' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Termlight');
  await expect(page.getByRole('heading', { level: 2, name: 'Private, and works offline' })).toBeVisible();
});
