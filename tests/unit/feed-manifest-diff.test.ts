import { describe, expect, it } from 'vitest';
import { diffManifest } from '../../utils/feeds/manifest-diff';

const stored = [
  { id: 'a', url: 'https://f.example/a.json', version: 1 },
  { id: 'b', url: 'https://f.example/b.json', hash: 'sha256:aa' },
  { id: 'c', url: 'https://f.example/c.json', version: 'v1' },
];
const ids = (sets: Array<{ id: string }>) => sets.map((s) => s.id);

describe('the feed manifest diff', () => {
  it('downloads nothing when every version and hash is the same', () => {
    const diff = diffManifest(stored, stored);
    expect(ids(diff.changed)).toEqual([]);
    expect(ids(diff.unchanged)).toEqual(['a', 'b', 'c']);
    expect(diff.removed).toEqual([]);
  });

  it('downloads only the sets whose version or hash changed', () => {
    const diff = diffManifest(stored, [
      { ...stored[0], version: 2 },
      { ...stored[1], hash: 'sha256:bb' },
      stored[2],
    ]);
    expect(ids(diff.changed)).toEqual(['a', 'b']);
    expect(ids(diff.unchanged)).toEqual(['c']);
  });

  it('downloads a new set and removes a set the manifest dropped', () => {
    const diff = diffManifest(stored, [stored[0], stored[1], { id: 'd', url: 'https://f.example/d.json', version: 1 }]);
    expect(ids(diff.changed)).toEqual(['d']);
    expect(ids(diff.removed)).toEqual(['c']);
  });

  it('downloads a set again when its file moved', () => {
    const diff = diffManifest(stored, [{ ...stored[0], url: 'https://f.example/v2/a.json' }]);
    expect(ids(diff.changed)).toEqual(['a']);
  });

  it('treats a number and a string version as different, and a switch from hash to version as a change', () => {
    expect(ids(diffManifest(stored, [{ ...stored[0], version: '1' }]).changed)).toEqual(['a']);
    expect(ids(diffManifest(stored, [{ id: 'b', url: stored[1].url, version: 1 }]).changed)).toEqual(['b']);
  });

  it('downloads every set on the first sync', () => {
    expect(ids(diffManifest([], stored).changed)).toEqual(['a', 'b', 'c']);
  });
});
