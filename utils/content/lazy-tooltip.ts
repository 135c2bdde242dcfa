/**
 * Sets the definition card up on a page with highlights, without loading it:
 * a small watcher waits for the first hover, keyboard focus or tap on a
 * highlight, then the card's file is loaded, mounted with fresh settings, and
 * opened where the user is by then (utils/tooltip/tooltip-module.ts says why).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '../settings';
import { watchFirstContact } from '../tooltip/first-contact';
import type { TooltipModule, TooltipServices } from '../tooltip/tooltip-module';

export interface LazyTooltipOptions {
  load(): Promise<TooltipModule>;
  services: TooltipServices;
  getSettings(): Promise<Settings>;
  /** A load or mount that failed for a reason other than the extension going away. */
  report(error: unknown): void;
}

export function prepareTooltip(ctx: ContentScriptContext, options: LazyTooltipOptions): void {
  const watch = watchFirstContact(document, () => {
    Promise.all([options.load(), options.getSettings()])
      .then(([module, settings]) => {
        if (ctx.isInvalid) return;
        const first = watch.current();
        watch.stop();
        return module.mountTooltip(ctx, settings, options.services, first);
      })
      .catch((error: unknown) => {
        watch.stop();
        options.report(error);
      });
  });
  ctx.onInvalidated(() => watch.stop());
}
