/**
 * Saving a settings change from an extension page (options, popup). A change
 * that cannot be saved (the synced settings are full) leaves the stored
 * settings as they were, and its message stays in `saveError` for the page
 * to show until a change is saved.
 */
import { useCallback, useState } from 'preact/hooks';
import { errorMessage } from '../../utils/error-message';
import { updateSettings, type SettingsChange } from '../../utils/settings';

/** Saves a change to the settings; resolves to whether it was saved. */
export type UpdateSettings = (change: SettingsChange) => Promise<boolean>;

export function useSaveSettings(): { save: UpdateSettings; saveError: string | null } {
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useCallback(async (change: SettingsChange) => {
    try {
      await updateSettings(change);
      setSaveError(null);
      return true;
    } catch (error) {
      setSaveError(errorMessage(error));
      return false;
    }
  }, []);
  return { save, saveError };
}
