import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import '../../components/popup/popup.css';
import '../../components/panel/panel.css';
import '../../components/welcome/welcome.css';

const root = document.getElementById('app');
if (root) render(<WelcomeApp sampleUrl={browser.runtime.getURL('/sample.html')} />, root);
