/**
 * The user's settings on the options page, and a way to change them. The
 * storage watch (useSettings) brings every change back, from this page or
 * another context. A change that cannot be saved (settings full) leaves the
 * stored settings as they were and its message in `saveError`.
 */
import { useCallback, useState } from 'preact/hooks';
import { updateSettings, type Settings } from '../../utils/settings';
import { useSettings } from '../shared/use-settings';
import { errorMessage } from '../../utils/error-message';

/** Saves a change to the settings; resolves to whether it was saved (the page says why not). */
export type UpdateSettings = (patch: Partial<Settings>) => Promise<boolean>;

export interface OptionsSettings {
  settings: Settings | undefined;
  update: UpdateSettings;
  /** Why the last change was not saved, until a change is. */
  saveError: string | null;
}

export function useOptionsSettings(): OptionsSettings {
  const settings = useSettings();
  const [saveError, setSaveError] = useState<string | null>(null);
  const update = useCallback(async (patch: Partial<Settings>) => {
    try {
      await updateSettings(patch);
      setSaveError(null);
      return true;
    } catch (error) {
      setSaveError(errorMessage(error));
      return false;
    }
  }, []);
  return { settings, update, saveError };
}
