import { defineContentScript } from 'wxt/utils/define-content-script';
import { runNewsLens } from './run';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main: (ctx) => runNewsLens(ctx),
});
