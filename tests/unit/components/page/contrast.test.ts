// WCAG AA for the in-page UI's palette, read from the stylesheet itself so a colour change cannot slip past.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(__dirname, '../../../../components/page/page-ui.css'), 'utf8');

function variables(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of block.matchAll(/--nl-([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) out.set(m[1]!, m[2]!.toLowerCase());
  return out;
}

function blockAfter(marker: string): string {
  const start = css.indexOf(marker);
  if (start < 0) throw new Error(`missing ${marker}`);
  return css.slice(start, css.indexOf('}', start));
}

const light = variables(blockAfter('.nl-root {'));
const dark = new Map([...light, ...variables(blockAfter('@media (prefers-color-scheme: dark)'))]);

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum ratio]: 4.5 for text, 3 for focus rings and control borders. */
const PAIRS: Array<[string, string, number]> = [
  ['fg', 'bg', 4.5],
  ['muted', 'bg', 4.5],
  ['fg', 'subtle-bg', 4.5],
  ['muted', 'subtle-bg', 4.5],
  ['accent', 'bg', 4.5],
  ['accent-fg', 'accent', 4.5],
  ['danger', 'bg', 4.5],
  ['danger-fg', 'danger', 4.5],
  ['error-fg', 'error-bg', 4.5],
  ['warning-fg', 'warning-bg', 4.5],
  // Orphan tags and quality labels are muted text inside the warning sections.
  ['muted', 'warning-bg', 4.5],
  ['toast-fg', 'toast-bg', 4.5],
  ['kind-fg', 'kind-person', 4.5],
  ['kind-fg', 'kind-organization', 4.5],
  ['kind-fg', 'kind-place', 4.5],
  ['kind-fg', 'kind-claim', 4.5],
  ['focus', 'bg', 3],
  ['border', 'bg', 3],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme contrast', (_name, palette) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, min) => {
    const a = palette.get(fg);
    const b = palette.get(bg);
    expect(a, fg).toBeDefined();
    expect(b, bg).toBeDefined();
    expect(contrast(a!, b!)).toBeGreaterThanOrEqual(min);
  });
});

describe('contrast()', () => {
  it('matches known WCAG values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('stylesheet scoping', () => {
  it('scopes every rule under .nl-root (keyframes excepted)', () => {
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@keyframes[\s\S]*?\n}\n/g, '')
      .match(/(^|})\s*([^{}@]+)\{/g)!
      .map((s) => s.replace(/^}?\s*/, '').replace(/\{$/, '').trim())
      .flatMap((s) => s.split(/,(?![^(]*\))/).map((x) => x.trim()));
    expect(selectors.length).toBeGreaterThan(50);
    for (const selector of selectors) expect(selector, selector).toMatch(/^\.nl-root\b/);
  });
});
