/**
 * Which sets of a feed manifest must be downloaded: new ones, and those whose
 * `version`, `hash` or file URL changed since the copy we hold. Pure.
 */

export interface SetVersion {
  id: string;
  url: string;
  version?: string | number;
  hash?: string;
}

export interface ManifestDiff<T extends SetVersion> {
  /** New or changed: download these. */
  changed: T[];
  /** Same id, URL and version/hash as stored: keep the stored copy. */
  unchanged: T[];
  /** Stored sets the manifest no longer lists: remove them. */
  removed: SetVersion[];
}

function sameVersion(stored: SetVersion, next: SetVersion): boolean {
  if (stored.url !== next.url) return false;
  // A hash, when given, is the stronger claim: it decides on its own.
  if (next.hash !== undefined) return stored.hash === next.hash;
  return next.version !== undefined && stored.hash === undefined && stored.version === next.version;
}

export function diffManifest<T extends SetVersion>(stored: readonly SetVersion[], next: readonly T[]): ManifestDiff<T> {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const listed = new Set(next.map((s) => s.id));
  const changed: T[] = [];
  const unchanged: T[] = [];
  for (const set of next) {
    const old = byId.get(set.id);
    if (old && sameVersion(old, set)) unchanged.push(set);
    else changed.push(set);
  }
  return { changed, unchanged, removed: stored.filter((s) => !listed.has(s.id)) };
}
