import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountTooltip } from '../components/tooltip/mount-tooltip';
import { registerTooltipModule } from '../utils/tooltip/tooltip-module';

// The definition card, loaded by the content script on the first hover, focus or tap on a highlight.
export default defineUnlistedScript(() => registerTooltipModule({ mountTooltip }));
