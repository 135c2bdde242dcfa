/** The user's settings, kept current while the options page is open, and a way to change them. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, watchSettings, type Settings } from '../../utils/settings';

export function useOptionsSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void getSettings().then((s) => live && setSettings(s));
    const unwatch = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = useCallback(async (patch: Partial<Settings>) => {
    setSettings(await updateSettings(patch));
  }, []);
  return [settings, update];
}
