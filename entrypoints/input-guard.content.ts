import { defineContentScript } from 'wxt/utils/define-content-script';
import { adoptHighlightStyles } from '../anchoring/paint';
import { ensureInputGuard } from '../page/guarded-ui';
import { PUBLIC_LAYERS } from '../page/layer-styles';

// Registered at document_start for the sites the reader allowed, so its window listeners run before any of the
// page's (see page/input-guard.ts), and so our highlight styles are in place before the page has elements to restyle.
// The main content script mounts the UI later and publishes it in this isolated world (page scripts cannot see these
// globals).
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  main() {
    ensureInputGuard();
    // Before the page has elements, adopting our ::highlight() rules costs no style recalculation (anchoring/paint.ts).
    if ('highlights' in CSS) adoptHighlightStyles(document, PUBLIC_LAYERS);
  },
});
