/**
 * The extension as the definition card sees it: messages to the background
 * and the shared settings and history. Built in the content script, whose
 * bundle has this code anyway, and handed to the card's lazily loaded file
 * (utils/tooltip/tooltip-module.ts).
 */
import { watchGlossaryRevision } from '../glossary/revision-signal';
import { sendMessage } from '../messaging/protocol';
import { recordLookup } from '../reader/history';
import { readerUrl } from '../reader/reader-url';
import { cannotHideTerm, setTermHidden, watchSettings } from '../settings';
import type { TooltipServices } from '../tooltip/tooltip-module';

export function tooltipServices(): TooltipServices {
  return {
    getTerm: (id) => sendMessage('getTerm', id),
    openReader: (id) => sendMessage('openReader', id),
    readerUrl,
    recordLookup,
    cannotHideTerm,
    setTermHidden,
    watchSettings,
    watchGlossaryRevision,
  };
}
