/** History and favourites as the reader shows them: read once, then followed as other contexts write. */
import { useEffect, useState } from 'preact/hooks';
import { getFavourites, watchFavourites } from '../../utils/reader/favourites';
import { getHistory, watchHistory, type Lookup } from '../../utils/reader/history';

function useStored<T>(read: () => Promise<T>, watch: (callback: (value: T) => void) => () => void): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    let watched = false;
    // A change seen by the watcher is newer than the first read, whichever arrives first.
    void read().then((v) => live && !watched && setValue(v));
    const unwatch = watch((v) => {
      watched = true;
      if (live) setValue(v);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [read, watch]);
  return value;
}

export const useHistory = (): Lookup[] | undefined => useStored(getHistory, watchHistory);
export const useFavourites = (): string[] | undefined => useStored(getFavourites, watchFavourites);
