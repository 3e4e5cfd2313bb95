import { render } from 'preact';
import { matchToolbarIcon } from '../../components/shared/toolbar-icon';
import { PopupApp } from '../../components/popup/PopupApp';
import { browserSidePanel } from '../../components/popup/browser-services';
import { realServices } from '../../components/popup/real-services';
import '../../components/popup/popup.css';

const services = { ...realServices(), sidePanel: browserSidePanel() };
// Ask once per popup opening; browsers remember the answer, and the settings tab shows it.
void services.storage.persist().catch(() => null);
matchToolbarIcon();
const root = document.getElementById('app');
if (root) render(<PopupApp services={services} />, root);
