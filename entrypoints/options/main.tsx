import { render } from 'preact';
import { OptionsApp } from '../../components/popup/OptionsApp';
import { realServices } from '../../components/popup/real-services';
import '../../components/popup/popup.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp services={realServices()} />, root);
