/**
 * Options page, Feeds: subscribe by URL (asking for that site's permission
 * in the click), see each feed's last success, last error, term count and a
 * progress bar while it syncs, sync now, unsubscribe, and choose how often
 * feeds are checked. The background does the work (utils/feeds); progress
 * arrives over a runtime Port as a tagged union (FeedProgress).
 *
 * Everything a feed says (titles, URLs, error details quoting the feed) is
 * untrusted and rendered as text through Preact, never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FEED_PROGRESS_PORT, type FeedErrorInfo, type FeedProgress, type FeedView } from '../../utils/feeds/feed-record';
import { hostOf, normalizeFeedUrl, originPattern } from '../../utils/feeds/feed-url';
import { watchGlossaryRevision } from '../../utils/glossary/revision-signal';
import { sendMessage } from '../../utils/messaging/protocol';
import type { Settings } from '../../utils/settings';
import type { UpdateSettings } from '../shared/use-editable-settings';
import './feeds-section.css';
import { errorMessage } from '../../utils/error-message';

const SYNC_CHOICES: Array<[number, string]> = [
  [1, 'every hour'],
  [3, 'every 3 hours'],
  [6, 'every 6 hours'],
  [12, 'every 12 hours'],
  [24, 'once a day'],
  [168, 'once a week'],
];

type Notice = { kind: 'error'; error: FeedErrorInfo } | { kind: 'info'; text: string };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function ago(at: number): string {
  const seconds = Math.round((at - Date.now()) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}

function When({ at }: { at: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
      {ago(at)}
    </time>
  );
}

function ErrorText({ error, label }: { error: FeedErrorInfo; label?: string }) {
  return (
    <div class="tl-feed-error">
      <p>
        {label ? <strong>{label} </strong> : null}
        {error.message}
      </p>
      {error.details?.length ? (
        <details>
          <summary>What was rejected ({error.details.length})</summary>
          <ul>
            {error.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ProgressLine({ progress }: { progress: FeedProgress }) {
  if (progress.kind !== 'progress') return null;
  if (progress.stage === 'download') {
    const of = progress.fileCount > 1 ? ` file ${progress.fileIndex} of ${progress.fileCount}` : '';
    const amount = progress.total ? `${formatBytes(progress.done)} of ${formatBytes(progress.total)}` : formatBytes(progress.done);
    // The live region names the stage only; the byte count changes too often to be read out.
    return (
      <div class="tl-feed-progress">
        <progress aria-label="Download progress" max={progress.total ?? undefined} value={progress.total ? progress.done : undefined} />
        <span role="status">Downloading{of}…</span>
        <span class="tl-feed-amount" aria-hidden="true">
          {amount}
        </span>
      </div>
    );
  }
  return (
    <div class="tl-feed-progress">
      <progress aria-label={progress.stage === 'check' ? 'Checking' : 'Saving'} />
      <span role="status">{progress.stage === 'check' ? 'Checking every term…' : 'Saving…'}</span>
    </div>
  );
}

function FeedItem({
  feed,
  progress,
  interrupted,
  onSync,
  onRemove,
}: {
  feed: FeedView;
  progress?: FeedProgress;
  interrupted: boolean;
  onSync(): void;
  onRemove(): Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const syncing = Boolean(progress) || feed.syncing;
  const headingId = `tl-feed-${feed.id}`;
  return (
    <li class="tl-feed" aria-labelledby={headingId} data-feed-url={feed.url}>
      <h3 id={headingId}>{feed.title}</h3>
      <p class="tl-feed-url">
        <a href={feed.url} target="_blank" rel="noopener noreferrer">
          {feed.url}
        </a>
      </p>
      <p class="tl-feed-stats muted">
        <span class="tl-feed-count">
          {feed.termCount.toLocaleString()} {feed.termCount === 1 ? 'term' : 'terms'}
        </span>
        {' in '}
        {feed.sets.length} {feed.sets.length === 1 ? 'set' : 'sets'}
        {' · '}
        {feed.lastSuccess ? (
          <>
            Last synced <When at={feed.lastSuccess} />
          </>
        ) : (
          'Never synced'
        )}
        {feed.lastUpdated ? (
          <>
            {' · '}changed <When at={feed.lastUpdated} />
          </>
        ) : null}
      </p>
      {progress ? <ProgressLine progress={progress} /> : null}
      {interrupted && !progress ? (
        <p class="tl-feed-error">
          The sync stopped before it finished (the browser stopped Termlight's background worker). The previous copy is
          still in use; sync again.
        </p>
      ) : null}
      {feed.lastError && !progress ? (
        <ErrorText error={feed.lastError} label={`Last sync failed ${ago(feed.lastError.at)}; the previous copy is still in use.`} />
      ) : null}
      <div class="tl-feed-actions">
        <button type="button" onClick={onSync} disabled={syncing}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        {confirming ? (
          <span class="tl-feed-confirm" role="group" aria-label="Confirm unsubscribe">
            Remove “{feed.title}” and its {feed.termCount.toLocaleString()} terms?{' '}
            <button type="button" class="danger" onClick={() => void onRemove()}>
              Remove
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={syncing}>
            Unsubscribe
          </button>
        )}
      </div>
    </li>
  );
}

interface Props {
  settings: Settings;
  update: UpdateSettings;
}

export function FeedsSection({ settings, update }: Props) {
  const [feeds, setFeeds] = useState<FeedView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, FeedProgress>>({});
  const [interrupted, setInterrupted] = useState<Set<string>>(new Set());
  const [url, setUrl] = useState('');
  const [subscribing, setSubscribing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const progressNow = useRef<Record<string, FeedProgress>>({});
  const port = useRef<ReturnType<typeof browser.runtime.connect> | null>(null);
  const live = useRef(true);

  function refresh(): void {
    sendMessage('listFeeds').then(
      (list) => {
        if (!live.current) return;
        setFeeds(list);
        setLoadError(null);
      },
      (error: unknown) => live.current && setLoadError(errorMessage(error)),
    );
  }

  /** Progress arrives over a Port; it closes when the worker stops, and is opened again before the next action. */
  function ensurePort(): void {
    if (port.current) return;
    const p = browser.runtime.connect({ name: FEED_PROGRESS_PORT });
    port.current = p;
    p.onMessage.addListener((message: unknown) => {
      const event = message as FeedProgress;
      const key = event.feedId;
      const next = { ...progressNow.current };
      if (event.kind === 'progress') next[key] = event;
      else delete next[key];
      progressNow.current = next;
      setProgress(next);
      if (event.kind !== 'progress') {
        setInterrupted((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : s));
        refresh();
      }
    });
    p.onDisconnect.addListener(() => {
      if (port.current === p) port.current = null;
      if (!live.current) return;
      // Whatever was running when the worker stopped did not finish.
      const stopped = Object.keys(progressNow.current);
      progressNow.current = {};
      setProgress({});
      if (stopped.length) setInterrupted((s) => new Set([...s, ...stopped]));
    });
  }

  useEffect(() => {
    live.current = true;
    refresh();
    ensurePort();
    const unwatchRevision = watchGlossaryRevision(() => refresh());
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      ensurePort();
      refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live.current = false;
      unwatchRevision();
      document.removeEventListener('visibilitychange', onVisible);
      port.current?.disconnect();
      port.current = null;
    };
  }, []);

  async function finishSubscribe(feedUrl: string, permission: Promise<boolean>): Promise<void> {
    let granted = false;
    try {
      granted = await permission;
    } catch {
      granted = false;
    }
    if (!granted) {
      setNotice({
        kind: 'error',
        error: {
          code: 'bad-url',
          message: `Termlight needs your permission to read from ${hostOf(feedUrl)} to follow this feed. Nothing was added.`,
          at: Date.now(),
        },
      });
      return;
    }
    setSubscribing(feedUrl);
    ensurePort();
    try {
      const result = await sendMessage('subscribeFeed', feedUrl);
      if (result.ok) {
        const { feed } = result;
        setUrl('');
        setNotice({
          kind: 'info',
          text: `Subscribed to “${feed.title}”: ${feed.termCount.toLocaleString()} ${feed.termCount === 1 ? 'term' : 'terms'} in ${feed.sets.length} ${feed.sets.length === 1 ? 'set' : 'sets'}.`,
        });
      } else setNotice({ kind: 'error', error: result.error });
    } catch (error) {
      setNotice({
        kind: 'error',
        error: {
          code: 'storage',
          message: `The subscription did not finish (${errorMessage(error)}). Nothing was added; try again.`,
          at: Date.now(),
        },
      });
    } finally {
      setSubscribing(null);
      refresh();
    }
  }

  function onSubmit(event: Event): void {
    event.preventDefault();
    let feedUrl: string;
    try {
      feedUrl = normalizeFeedUrl(url);
    } catch (error) {
      setNotice({ kind: 'error', error: { code: 'bad-url', message: (error as Error).message, at: Date.now() } });
      return;
    }
    setNotice(null);
    // In the submit's own task: the browser shows the permission prompt only in answer to the user's action.
    const permission = browser.permissions.request({ origins: [originPattern(feedUrl)] });
    void finishSubscribe(feedUrl, permission);
  }

  async function syncNow(feedId?: string): Promise<void> {
    ensurePort();
    setInterrupted((s) => (feedId ? new Set([...s].filter((k) => k !== feedId)) : new Set()));
    try {
      await sendMessage('syncFeeds', feedId);
    } catch {
      // The worker stopped mid-sync: the Port's disconnect already says so.
    }
    refresh();
  }

  async function remove(feedId: string): Promise<void> {
    await sendMessage('unsubscribeFeed', feedId).catch(() => false);
    refresh();
  }

  const hours = settings.feedSyncHours;
  const pendingProgress = subscribing ? Object.values(progress).find((p) => p.url === subscribing) : undefined;

  return (
    <section class="options-section tl-feeds" id="feeds" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Feeds</h2>
      <p class="muted">
        Follow glossaries that others publish on the web: a Termlight feed, a Termlight glossary (JSON) or a schema.org
        DefinedTermSet. Termlight keeps a copy in your browser, so it works offline, and checks for updates{' '}
        <select
          aria-label="How often to check feeds"
          value={String(hours)}
          onChange={(e) => void update({ feedSyncHours: Number(e.currentTarget.value) })}
        >
          {SYNC_CHOICES.some(([h]) => h === hours) ? null : <option value={String(hours)}>every {hours} hours</option>}
          {SYNC_CHOICES.map(([h, label]) => (
            <option key={h} value={String(h)}>
              {label}
            </option>
          ))}
        </select>{' '}
        and when the browser starts.
      </p>

      <form class="tl-feed-form" onSubmit={onSubmit}>
        <label for="tl-feed-url">Feed address</label>
        <input
          id="tl-feed-url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/glossary/feed.json"
          value={url}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          disabled={subscribing !== null}
          required
        />
        <button type="submit" class="primary" disabled={subscribing !== null || !url.trim()}>
          {subscribing ? 'Subscribing…' : 'Subscribe'}
        </button>
      </form>
      <p class="hint">
        Termlight asks for permission to read from the feed's site, downloads the whole feed and checks every term
        before adding it.
      </p>
      {subscribing ? (
        pendingProgress ? (
          <ProgressLine progress={pendingProgress} />
        ) : (
          <div class="tl-feed-progress">
            <progress aria-label="Subscribing" />
            <span role="status">Connecting to {hostOf(subscribing)}…</span>
          </div>
        )
      ) : null}
      {notice?.kind === 'error' ? (
        <div role="alert" class="tl-feed-notice">
          <ErrorText error={notice.error} />
        </div>
      ) : notice?.kind === 'info' ? (
        <p role="status" class="tl-feed-notice tl-feed-ok">
          {notice.text}
        </p>
      ) : null}

      {loadError ? (
        <p role="alert" class="tl-feed-error">
          Could not load your feeds: {loadError}
        </p>
      ) : feeds === null ? (
        <p role="status">Loading feeds…</p>
      ) : feeds.length === 0 ? (
        <p class="muted">You do not follow any feed yet.</p>
      ) : (
        <>
          <ul class="tl-feed-list" aria-label="Your feeds">
            {feeds.map((feed) => (
              <FeedItem
                key={feed.id}
                feed={feed}
                progress={progress[feed.id]}
                interrupted={interrupted.has(feed.id)}
                onSync={() => void syncNow(feed.id)}
                onRemove={() => remove(feed.id)}
              />
            ))}
          </ul>
          {feeds.length > 1 ? (
            <button type="button" onClick={() => void syncNow()} disabled={Object.keys(progress).length > 0}>
              Sync all feeds now
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
