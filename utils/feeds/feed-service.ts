/**
 * Feeds, as the background service worker runs them: one sync at a time
 * (Web Locks), progress to every options page over a Port, the glossary
 * revision signal after each change, and the schedule (an alarm, every
 * `feedSyncHours`). Kept apart from the entrypoint so the wiring there is a
 * few lines, and tests can drive it with fakes.
 */
import { getRevision } from '../db/glossary-store';
import { listFeeds, removeFeed, getFeed } from '../db/feed-store';
import type { GlossaryDb } from '../db/schema';
import type { Settings } from '../settings';
import { FEED_PROGRESS_PORT, type FeedProgress, type FeedView, type SubscribeResult, type SyncOutcome } from './feed-record';
import { originPattern } from './feed-url';
import { glossaryRevisionItem } from '../glossary/revision-signal';
import { subscribeToFeed, syncFeed, type SyncDeps } from './sync-feed';
import { createExclusive } from '../exclusive';

export const FEED_SYNC_LOCK = 'termlight-feed-sync';
export const FEED_ALARM = 'termlight-feed-sync';

export interface ProgressPort {
  name: string;
  postMessage(message: FeedProgress): void;
  onDisconnect: { addListener(callback: () => void): void };
}

interface AlarmsApi {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined | null>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
}

export interface FeedServiceOptions extends Omit<SyncDeps, 'db' | 'onProgress'> {
  db: Promise<GlossaryDb>;
  /** Gives back a feed's host permission when no other feed needs it. */
  removeOrigin?(pattern: string): Promise<unknown>;
  /** Runs `task` with no other sync at once (defaults to Web Locks). */
  exclusive?<T>(task: () => Promise<T>): Promise<T>;
  /** Called after a subscription or sync changed the glossary, once open tabs have been told. */
  onGlossaryChanged?(): void;
}

/** Alarm period for the setting: whole hours, at least one. */
export function feedAlarmMinutes(hours: number): number {
  return Math.max(1, Math.round(Number.isFinite(hours) ? hours : 12)) * 60;
}

/** Creates the sync alarm, or re-creates it when the period changed; a no-op otherwise (runs on every worker start). */
export async function scheduleFeedSync(alarms: AlarmsApi, hours: number): Promise<void> {
  const period = feedAlarmMinutes(hours);
  const existing = await alarms.get(FEED_ALARM);
  if (existing?.periodInMinutes === period) return;
  await alarms.create(FEED_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

export function createFeedService(options: FeedServiceOptions) {
  const ports = new Set<ProgressPort>();
  /** Feeds syncing now, with their latest progress, for pages that connect mid-sync. */
  const active = new Map<string, FeedProgress>();
  const exclusive = options.exclusive ?? createExclusive(FEED_SYNC_LOCK);

  function emit(event: FeedProgress): void {
    if (event.kind === 'progress') active.set(event.feedId, event);
    else active.delete(event.feedId);
    for (const port of ports) {
      try {
        port.postMessage(event);
      } catch {
        ports.delete(port); // the page went away
      }
    }
  }

  async function deps(): Promise<SyncDeps> {
    const { db: _db, removeOrigin: _r, exclusive: _e, onGlossaryChanged: _c, ...rest } = options;
    return { ...rest, db: await options.db, onProgress: emit };
  }

  async function announceChange(): Promise<void> {
    await glossaryRevisionItem.setValue(await getRevision(await options.db));
    options.onGlossaryChanged?.();
  }

  async function syncIds(ids: string[]): Promise<SyncOutcome[]> {
    const d = await deps();
    const outcomes: SyncOutcome[] = [];
    for (const id of ids) outcomes.push(await syncFeed(d, id));
    if (outcomes.some((o) => o.status === 'updated')) await announceChange();
    return outcomes;
  }

  /** Syncs one feed, or every feed (alarm, start-up, "Sync all"). */
  function sync(feedId?: string): Promise<SyncOutcome[]> {
    return exclusive(async () => syncIds(feedId ? [feedId] : (await listFeeds(await options.db)).map((f) => f.id)));
  }

  return {
    sync,

    async list(): Promise<FeedView[]> {
      const feeds = await listFeeds(await options.db);
      return feeds.map((feed) => ({ ...feed, syncing: active.has(feed.id) }));
    },

    subscribe(url: string): Promise<SubscribeResult> {
      return exclusive(async () => {
        const result = await subscribeToFeed(await deps(), url);
        if (result.ok) await announceChange();
        return result;
      });
    },

    unsubscribe(feedId: string): Promise<boolean> {
      return exclusive(async () => {
        const db = await options.db;
        const feed = await getFeed(db, feedId);
        const removed = await removeFeed(db, feedId);
        if (!removed || !feed) return false;
        await announceChange();
        const pattern = originPattern(feed.url);
        const stillNeeded = (await listFeeds(db)).some((f) => originPattern(f.url) === pattern);
        // A permission the browser says is required (content scripts match every site) cannot be removed: fine.
        if (!stillNeeded) await options.removeOrigin?.(pattern)?.catch(() => undefined);
        return true;
      });
    },

    /** A page opened a progress Port: tell it what is running now, then everything that follows. */
    connect(port: ProgressPort): void {
      if (port.name !== FEED_PROGRESS_PORT) return;
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      for (const event of active.values()) port.postMessage(event);
    },

    onAlarm(name: string): Promise<SyncOutcome[]> | undefined {
      return name === FEED_ALARM ? sync() : undefined;
    },

    /** Keeps the alarm in step with the setting. */
    async schedule(alarms: AlarmsApi, settings: Pick<Settings, 'feedSyncHours'>): Promise<void> {
      await scheduleFeedSync(alarms, settings.feedSyncHours);
    },
  };
}
