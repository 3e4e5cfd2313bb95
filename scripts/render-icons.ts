// `npm run icons`: renders the toolbar and store icons from the SVGs in assets/icons/ to PNGs at 16, 32, 48 and 128 px
// with Debian's Chromium (the browser the e2e tests use), into public/icon/ where WXT finds them. The PNGs are committed;
// run this again after editing an SVG.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/harness';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const VARIANTS = [
  { svg: 'assets/icons/newslens.svg', prefix: '' },
  { svg: 'assets/icons/newslens-dark.svg', prefix: 'dark-' },
];

mkdirSync('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  for (const { svg, prefix } of VARIANTS) {
    const markup = readFileSync(svg, 'utf8');
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${Buffer.from(markup).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = `public/icon/${prefix}${size}.png`;
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`Wrote ${file}`);
    }
  }
} finally {
  await browser.close();
}
