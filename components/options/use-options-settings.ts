/**
 * The user's settings on the options page, and a way to change them. The
 * storage watch (useSettings) brings every change back, from this page or
 * another context; a change that cannot be saved leaves its message in
 * `saveError`.
 */
import type { Settings } from '../../utils/settings';
import { useSaveSettings, type UpdateSettings } from '../shared/use-save-settings';
import { useSettings } from '../shared/use-settings';

export type { UpdateSettings };

export interface OptionsSettings {
  settings: Settings | undefined;
  update: UpdateSettings;
  /** Why the last change was not saved, until a change is. */
  saveError: string | null;
}

export function useOptionsSettings(): OptionsSettings {
  const settings = useSettings();
  const { save, saveError } = useSaveSettings();
  return { settings, update: save, saveError };
}
