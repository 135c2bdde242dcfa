/** The user's settings, kept current while an extension page (popup, reader) is open. */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../../utils/settings';

export function useSettings(): Settings | undefined {
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
  return settings;
}
