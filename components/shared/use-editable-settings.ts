/**
 * The user's settings on an extension page that changes them (options,
 * popup), and a way to change them. A change shows at once, before storage
 * has it: a controlled switch, radio button or select would otherwise spring
 * back to the old value until the storage watch brought the change round. A
 * change that cannot be saved (the synced settings are full) goes away
 * again, leaving the settings as stored, and its message stays in
 * `saveError` until a change is saved. Changes from other contexts arrive
 * through the watch.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../utils/error-message';
import { applySettingsChange, updateSettings, type Settings, type SettingsChange } from '../../utils/settings';
import { useSettings } from './use-settings';

/** Saves a change to the settings; resolves to whether it was saved. */
export type UpdateSettings = (change: SettingsChange) => Promise<boolean>;

export interface EditableSettings {
  /** The settings as stored, with the changes still being saved applied; undefined while loading. */
  settings: Settings | undefined;
  update: UpdateSettings;
  /** Why the last change was not saved, until a change is. */
  saveError: string | null;
}

interface State {
  /** The settings as storage last had them (read, watched, or as this page's last save left them). */
  stored?: Settings;
  /** Changes sent and not yet saved, in order. */
  pending: SettingsChange[];
}

export function useEditableSettings(): EditableSettings {
  const [state, setState] = useState<State>({ pending: [] });
  const [saveError, setSaveError] = useState<string | null>(null);

  const watched = useSettings();
  useEffect(() => {
    if (watched) setState((s) => ({ ...s, stored: watched }));
  }, [watched]);

  const update = useCallback<UpdateSettings>(async (change) => {
    setState((s) => ({ ...s, pending: [...s.pending, change] }));
    const settled = (s: State) => s.pending.filter((c) => c !== change);
    try {
      const stored = await updateSettings(change);
      setState((s) => ({ stored, pending: settled(s) }));
      setSaveError(null);
      return true;
    } catch (error) {
      setState((s) => ({ ...s, pending: settled(s) }));
      setSaveError(errorMessage(error));
      return false;
    }
  }, []);

  const settings = state.stored && state.pending.reduce(applySettingsChange, state.stored);
  return { settings, update, saveError };
}
