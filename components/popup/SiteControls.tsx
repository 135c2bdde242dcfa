/**
 * The two switches: Termlight on this site, and pause everywhere. They write
 * the settings; content scripts follow the change at once (no reload).
 */
import type { Settings } from '../../utils/settings';
import { isSiteOn } from './site-switch';

interface SiteControlsProps {
  settings?: Settings;
  /** The active page's hostname, when a content script of ours runs there. */
  hostname?: string;
  onSite(on: boolean): void;
  onPause(paused: boolean): void;
}

export function SiteControls({ settings, hostname, onSite, onPause }: SiteControlsProps) {
  if (!settings) return null;
  const host = hostname?.replace(/^www\./, '');
  return (
    <div class="tl-controls">
      {host && (
        <label class="tl-switch">
          <input
            type="checkbox"
            role="switch"
            class="tl-site-switch"
            checked={isSiteOn(settings, host)}
            onChange={(e) => onSite(e.currentTarget.checked)}
          />
          <span class="tl-switch-track" aria-hidden="true" />
          <span class="tl-switch-label">
            On for <strong>{host}</strong>
          </span>
        </label>
      )}
      <label class="tl-switch">
        <input
          type="checkbox"
          role="switch"
          class="tl-pause-switch"
          checked={settings.paused}
          onChange={(e) => onPause(e.currentTarget.checked)}
        />
        <span class="tl-switch-track" aria-hidden="true" />
        <span class="tl-switch-label">Pause everywhere</span>
      </label>
    </div>
  );
}
