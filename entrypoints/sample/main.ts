import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runNewsLens } from '../content/run';

// The first-run page's "try it on this sample": the same in-page NewsLens a news site gets, on an article shipped with
// the extension, so a new reader can try it before allowing any site.
void runNewsLens(new ContentScriptContext('sample'));
