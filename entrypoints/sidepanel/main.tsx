import { render } from 'preact';
import { matchToolbarIcon } from '../../components/shared/toolbar-icon';
import { browserPageLink } from '../../components/panel/page-link';
import { PanelApp } from '../../components/panel/PanelApp';
import { realServices } from '../../components/popup/real-services';
import '../../components/popup/popup.css';
import '../../components/panel/panel.css';

// Chrome's side panel (side_panel.default_path) and Firefox's sidebar (sidebar_action) both load this page.
matchToolbarIcon();
const root = document.getElementById('app');
if (root) render(<PanelApp services={{ ...realServices(), page: browserPageLink }} />, root);
