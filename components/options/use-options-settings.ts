/**
 * The user's settings on the options page, and a way to change them. The
 * storage watch (useSettings) brings every change back, from this page or
 * another context.
 */
import { useCallback } from 'preact/hooks';
import { updateSettings, type Settings } from '../../utils/settings';
import { useSettings } from '../shared/use-settings';

export function useOptionsSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const settings = useSettings();
  const update = useCallback(async (patch: Partial<Settings>) => {
    await updateSettings(patch);
  }, []);
  return [settings, update];
}
