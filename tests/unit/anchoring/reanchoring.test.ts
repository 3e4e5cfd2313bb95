import { describe, it, expect } from 'vitest';
import { anchor, anchorAll } from '../../../anchoring/match';
import { describeRange } from '../../../anchoring/selectors';
import { buildTextMap, rangeFromOffsets } from '../../../anchoring/text-map';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from '../../../anchoring/types';
import { ARTICLE, ARTICLE_PARAGRAPHS } from '../../support/council-article';

// A saved annotation is pinned down by the quote plus a longer unique snippet around it ("within"),
// so the expected span in a mutated text can be found independently of the matcher.
interface Spot {
  exact: string;
  within: string;
}

interface Saved extends Spot {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const SPOTS: Spot[] = [
  { exact: 'approved a new budget', within: 'The city council approved a new budget late on Tuesday' },
  { exact: 'The budget passed by seven votes to four.', within: 'The budget passed by seven votes to four.' },
  { exact: 'the budget', within: 'He voted against the budget.' },
  { exact: 'unemployment in the district fell to 3.9% in the last quarter', within: 'show unemployment in the district fell to 3.9% in the last quarter' },
  { exact: '“We have made hard choices, but nobody will lose their local library,”', within: '“We have made hard choices, but nobody will lose their local library,” she' },
  { exact: 'Helen Okafor', within: 'Mayor Helen Okafor said' },
  { exact: 'The council', within: 'The council said the rise was needed' },
  { exact: '£12 million contract to rebuild the harbour wall', within: 'is a £12 million contract to rebuild the harbour wall' },
  { exact: 'Engineers warned in March that parts of the wall could collapse within five years if nothing was done.', within: 'Engineers warned in March that parts of the wall could collapse within five years if nothing was done.' },
  { exact: 'Bus fares will rise by ten pence from April, the first increase since 2019.', within: 'Bus fares will rise by ten pence from April, the first increase since 2019.' },
  { exact: 'Northgate and Riverside', within: 'branches, Northgate and Riverside, but' },
  { exact: 'more than two hundred parking spaces', within: 'remove more than two hundred parking spaces' },
  { exact: 'Every pound we save on paperwork is a pound we can spend on people', within: 'Every pound we save on paperwork is a pound we can spend on people' },
  { exact: 'The budget takes effect on 1 April.', within: 'The budget takes effect on 1 April.' },
  { exact: ARTICLE_PARAGRAPHS[4] as string, within: ARTICLE_PARAGRAPHS[4] as string },
  { exact: 'the council', within: 'when the council will decide' },
  { exact: 'harbour', within: 'repairing the harbour wall' },
  { exact: 'a collection of promises with no money behind them', within: 'a collection of promises with no money behind them' },
  { exact: 'Priya Raman', within: 'chief Priya Raman said' },
  { exact: 'economists cautioned that most of the new jobs were part-time', within: 'although economists cautioned that most of the new jobs were part-time' },
];

function looseRegExp(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/** The snippet, tolerant of whitespace changes; null when it is gone or no longer unique. */
function locate(text: string, spot: Spot): { start: number; end: number } | null {
  const at = spot.within.indexOf(spot.exact);
  const pattern =
    looseRegExp(spot.within.slice(0, at)) + (at > 0 ? '\\s*' : '') + `(${looseRegExp(spot.exact)})` +
    (at + spot.exact.length < spot.within.length ? '\\s*' + looseRegExp(spot.within.slice(at + spot.exact.length)) : '');
  const matches = [...text.matchAll(new RegExp(pattern, 'gd'))];
  const span = matches.length === 1 ? matches[0]?.indices?.[1] : undefined;
  return span ? { start: span[0], end: span[1] } : null;
}

function save(text: string, spot: Spot): Saved {
  const span = locate(text, spot);
  if (!span) throw new Error(`fixture spot not unique: ${spot.within}`);
  return { ...spot, ...describeRange(text, span.start, span.end) };
}

type Expected = { start: number; end: number } | 'orphan';

interface Outcome {
  ok: boolean;
  wrongMatch: boolean;
  orphanExpected: boolean;
}

/** 'exact' must hit the span exactly; 'changed' may miss each boundary by a few chars. */
function judge(expected: Expected, got: Anchor | null): Outcome {
  if (expected === 'orphan') return { ok: got === null, wrongMatch: got !== null, orphanExpected: true };
  if (!got) return { ok: false, wrongMatch: false, orphanExpected: false };
  const slack = got.quality === 'exact' ? 0 : Math.max(4, Math.round((expected.end - expected.start) * 0.1));
  const ok = Math.abs(got.start - expected.start) <= slack && Math.abs(got.end - expected.end) <= slack;
  const overlaps = got.start < expected.end && got.end > expected.start;
  return { ok, wrongMatch: !overlaps, orphanExpected: false };
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`mutation target missing: ${from}`);
  return text.replace(from, to);
}

function paragraphs(list: readonly string[]): string {
  return list.join('\n\n');
}

const INSERTED = 'Live updates: follow our coverage of the council meeting as it happens, with reaction from residents and businesses.';

const COPY_EDITS: [RegExp, string][] = [
  [/\bsaid\b/g, 'says'],
  [/\bwould\b/g, 'will'],
  [/ million\b/g, 'm'],
  [/\bharbour\b/g, 'harbor'],
  [/Tuesday/g, 'Tuesday evening'],
];

function copyEdit(s: string): string {
  return COPY_EDITS.reduce((acc, [from, to]) => acc.replace(from, to), s);
}

function straighten(s: string): string {
  return s.replace(/[“”]/g, '"').replace(/’/g, "'");
}

/**
 * Mutations applied to the whole text. `edit`, when given, is applied to each snippet too, so the expected
 * span is the edited quote; otherwise every annotation is expected where its snippet still is, else orphan.
 */
const GLOBAL_MUTATIONS: {
  name: string;
  apply: (ps: string[]) => string;
  edit?: (s: string) => string;
  /** Anchor each annotation alone, so none can start where its neighbour was found. */
  oneByOne?: boolean;
}[] = [
  { name: 'unchanged', apply: (ps) => paragraphs(ps) },
  { name: 'paragraph inserted at top', apply: (ps) => paragraphs([INSERTED, ...ps]) },
  { name: 'paragraph inserted in middle', apply: (ps) => paragraphs([...ps.slice(0, 5), INSERTED, ...ps.slice(5)]) },
  { name: 'paragraph removed', apply: (ps) => paragraphs(ps.filter((_, i) => i !== 6)) },
  {
    name: 'paragraphs reordered',
    apply: (ps) => paragraphs([ps[0], ps[10], ps[1], ps[8], ps[3], ps[2], ps[5], ps[4], ps[7], ps[6], ps[9]] as string[]),
  },
  {
    name: 'whitespace changed',
    apply: (ps) => ps.map((p) => p.replace(/, /g, ',  ').replace(/\. /g, '.\n')).join('\n\n\n'),
  },
  {
    name: 'quote repeated elsewhere',
    apply: (ps) =>
      paragraphs([
        ps[0] as string,
        'Last year the council rejected the budget twice. The budget passed by seven votes to four in the end, and Helen Okafor promised the harbour would come first. Northgate and Riverside residents protested.',
        ...ps.slice(1),
        'Readers react: “the budget is a disgrace,” wrote one. Another said the council had done its best for the harbour and that Priya Raman deserved credit.',
      ]),
  },
  {
    name: 'sentence inserted before each paragraph',
    apply: (ps) => ps.map((p, i) => (i === 0 ? p : `Update ${i}: this paragraph was revised. ${p}`)).join('\n\n'),
  },
  { name: 'typographic quotes straightened', apply: (ps) => straighten(paragraphs(ps)), edit: straighten },
  { name: 'light copy-edit everywhere', apply: (ps) => copyEdit(paragraphs(ps)), edit: copyEdit },
  {
    name: 'paragraph split at a sentence',
    apply: (ps) => paragraphs(ps.map((p) => p.replace('. The council said the figure', '.\n\nThe council said the figure'))),
  },
  { name: 'paragraphs merged', apply: (ps) => paragraphs([ps[0], `${ps[1]} ${ps[2]}`, `${ps[3]} ${ps[4]} ${ps[5]}`, ...ps.slice(6)] as string[]) },
  {
    // Over 30,000 chars, so the whole-text search goes through the word filter; the upper-case copies
    // share every word with the article and must lose on case and context.
    name: 'long page around a copy-edited article',
    apply: (ps) => {
      const noise = ps.slice(1).map((p) => p.toUpperCase());
      return paragraphs([...noise, ...noise, ...noise, ...noise, ...noise, copyEdit(paragraphs(ps)), ...noise, ...noise, ...noise, ...noise, ...noise]);
    },
    edit: copyEdit,
  },
  {
    name: 'long page around a copy-edited article, anchored one by one',
    apply: (ps) => {
      const noise = ps.slice(1).map((p) => p.toUpperCase());
      return paragraphs([...noise, ...noise, ...noise, ...noise, ...noise, copyEdit(paragraphs(ps)), ...noise, ...noise, ...noise, ...noise, ...noise]);
    },
    edit: copyEdit,
    oneByOne: true,
  },
  {
    name: 'page with twice the text around it',
    apply: (ps) => paragraphs([...ps.slice(1).map((p) => p.split('').reverse().join('')), ...ps, ...ps.slice(1).map((p) => p.toUpperCase())]),
  },
];

interface EditCase {
  name: string;
  spot: number;
  apply: (text: string) => string;
  expect: Spot | 'orphan';
}

const EDITS: EditCase[] = [
  {
    name: 'number changed inside quote',
    spot: 3,
    apply: (t) => replaceOnce(t, 'fell to 3.9%', 'fell to 4.1%'),
    expect: { exact: 'unemployment in the district fell to 4.1% in the last quarter', within: 'show unemployment in the district fell to 4.1% in the last quarter' },
  },
  {
    name: 'word changed inside quote',
    spot: 8,
    apply: (t) => replaceOnce(t, 'within five years', 'within four years'),
    expect: { exact: 'Engineers warned in March that parts of the wall could collapse within four years if nothing was done.', within: 'Engineers warned in March that parts of the wall could collapse within four years if nothing was done.' },
  },
  {
    name: 'word inserted inside short quote',
    spot: 0,
    apply: (t) => replaceOnce(t, 'approved a new budget', 'approved a new annual budget'),
    expect: { exact: 'approved a new annual budget', within: 'council approved a new annual budget late' },
  },
  {
    name: 'figure edited inside quote',
    spot: 7,
    apply: (t) => replaceOnce(t, '£12 million', '£12.4 million'),
    expect: { exact: '£12.4 million contract to rebuild the harbour wall', within: 'is a £12.4 million contract to rebuild the harbour wall' },
  },
  {
    name: 'typo fixed inside quote',
    spot: 12,
    apply: (t) => replaceOnce(t, 'paperwork', 'paper work'),
    expect: { exact: 'Every pound we save on paper work is a pound we can spend on people', within: 'Every pound we save on paper work is a pound we can spend on people' },
  },
  {
    name: 'words edited before quote',
    spot: 10,
    apply: (t) => replaceOnce(t, 'will be cut at two branches,', 'will be reduced at two of its branches,'),
    expect: { exact: 'Northgate and Riverside', within: 'branches, Northgate and Riverside, but' },
  },
  {
    name: 'word inserted before repeated short quote',
    spot: 2,
    apply: (t) => replaceOnce(t, 'He voted against the budget.', 'He later voted against the budget.'),
    expect: { exact: 'the budget', within: 'He later voted against the budget.' },
  },
  {
    name: 'words after quote rewritten',
    spot: 5,
    apply: (t) => replaceOnce(t, 'Okafor said the plan would protect', 'Okafor insisted that the plan protects'),
    expect: { exact: 'Helen Okafor', within: 'Mayor Helen Okafor insisted' },
  },
  {
    name: 'number written in digits inside quote',
    spot: 11,
    apply: (t) => replaceOnce(t, 'two hundred parking', '200 parking'),
    expect: { exact: 'more than 200 parking spaces', within: 'remove more than 200 parking spaces' },
  },
  {
    name: 'word changed in long quote',
    spot: 14,
    apply: (t) => replaceOnce(t, 'although economists cautioned', 'although analysts cautioned'),
    expect: { exact: (ARTICLE_PARAGRAPHS[4] as string).replace('economists', 'analysts'), within: (ARTICLE_PARAGRAPHS[4] as string).replace('economists', 'analysts') },
  },
  {
    name: 'long quote with sentence appended',
    spot: 14,
    apply: (t) => replaceOnce(t, 'were part-time.', 'were part-time. The district still lags the regional average.'),
    expect: { exact: ARTICLE_PARAGRAPHS[4] as string, within: ARTICLE_PARAGRAPHS[4] as string },
  },
  {
    name: 'date corrected inside quote',
    spot: 13,
    apply: (t) => replaceOnce(t, 'on 1 April.', 'on 6 April.'),
    expect: { exact: 'The budget takes effect on 6 April.', within: 'The budget takes effect on 6 April.' },
  },
  { name: 'sentence quote deleted', spot: 1, apply: (t) => replaceOnce(t, ' The budget passed by seven votes to four.', ''), expect: 'orphan' },
  {
    name: 'short name deleted',
    spot: 18,
    apply: (t) => replaceOnce(t, 'Finance chief Priya Raman said', 'The finance chief said'),
    expect: 'orphan',
  },
  {
    name: 'repeated phrase deleted with its paragraph',
    spot: 15,
    apply: (t) => replaceOnce(t, `\n\n${ARTICLE_PARAGRAPHS[10]}`, ''),
    expect: 'orphan',
  },
  {
    name: 'quoted phrase removed',
    spot: 17,
    apply: (t) => replaceOnce(t, 'called the budget “a collection of promises with no money behind them” and said', 'criticised the budget and said'),
    expect: 'orphan',
  },
  {
    name: 'quoted sentence removed',
    spot: 4,
    apply: (t) => replaceOnce(t, ' “We have made hard choices, but nobody will lose their local library,” she told reporters outside the town hall.', ''),
    expect: 'orphan',
  },
  {
    name: 'repeated word deleted from its sentence',
    spot: 16,
    apply: (t) => replaceOnce(t, 'the cost of repairing the harbour wall', 'the cost of sea defences'),
    expect: 'orphan',
  },
  {
    name: 'place names removed',
    spot: 10,
    apply: (t) => replaceOnce(t, 'two branches, Northgate and Riverside, but', 'two branches, but'),
    expect: 'orphan',
  },
  { name: 'name replaced by title', spot: 5, apply: (t) => replaceOnce(t, 'Mayor Helen Okafor said', 'The mayor said'), expect: 'orphan' },
  {
    name: 'lede rewritten (headline still similar)',
    spot: 0,
    apply: (t) => replaceOnce(t, 'The city council approved a new budget late', 'Councillors finally voted through the spending plan late'),
    expect: 'orphan',
  },
  {
    name: 'warning sentence deleted',
    spot: 8,
    apply: (t) => replaceOnce(t, ' Engineers warned in March that parts of the wall could collapse within five years if nothing was done.', ''),
    expect: 'orphan',
  },
  {
    name: 'spoken quote replaced',
    spot: 12,
    apply: (t) => replaceOnce(t, 'Every pound we save on paperwork is a pound we can spend on people', 'Savings on administration protect services'),
    expect: 'orphan',
  },
  {
    name: 'harbour paragraph removed',
    spot: 7,
    apply: (t) => replaceOnce(t, `\n\n${ARTICLE_PARAGRAPHS[5]}`, ''),
    expect: 'orphan',
  },
  {
    name: 'repeated phrase rewritten',
    spot: 6,
    apply: (t) => replaceOnce(t, 'The council said the rise was needed', 'Officials said the rise was needed'),
    expect: 'orphan',
  },
];

interface Tally {
  total: number;
  ok: number;
  orphansExpected: number;
  wrongMatches: number;
  failures: string[];
}

function check(tally: Tally, label: string, expected: Expected, got: Anchor | null): void {
  const outcome = judge(expected, got);
  tally.total += 1;
  if (outcome.ok) tally.ok += 1;
  else tally.failures.push(`${label}: expected ${JSON.stringify(expected)} got ${JSON.stringify(got)}`);
  if (outcome.orphanExpected) tally.orphansExpected += 1;
  if (outcome.orphanExpected && outcome.wrongMatch) tally.wrongMatches += 1;
}

function report(name: string, tally: Tally): void {
  const share = ((100 * tally.ok) / tally.total).toFixed(1);
  console.log(
    `[anchoring] ${name}: ${tally.ok}/${tally.total} correct (${share}%), orphan cases ${tally.orphansExpected}, wrong matches on orphans ${tally.wrongMatches}`,
  );
  for (const f of tally.failures) console.log(`  miss: ${f}`);
}

describe('re-anchoring mutation suite (plain text)', () => {
  const saved = SPOTS.map((s) => save(ARTICLE, s));
  const tally: Tally = { total: 0, ok: 0, orphansExpected: 0, wrongMatches: 0, failures: [] };

  it('re-anchors across whole-text mutations', () => {
    for (const mutation of GLOBAL_MUTATIONS) {
      const text = mutation.apply([...ARTICLE_PARAGRAPHS]);
      const anchors = mutation.oneByOne ? saved.map((s) => anchor(text, s)) : anchorAll(text, saved);
      saved.forEach((s, i) => {
        const spot = mutation.edit ? { exact: mutation.edit(s.exact), within: mutation.edit(s.within) } : s;
        check(tally, `${mutation.name} #${i}`, locate(text, spot) ?? 'orphan', anchors[i] ?? null);
      });
    }
  });

  it('re-anchors edited quotes and orphans deleted ones', () => {
    for (const edit of EDITS) {
      const text = edit.apply(ARTICLE);
      const target = saved[edit.spot] as Saved;
      const expected = edit.expect === 'orphan' ? 'orphan' : locate(text, edit.expect);
      if (expected === null) throw new Error(`expected spot missing in ${edit.name}`);
      const [got] = anchorAll(text, [target]);
      check(tally, edit.name, expected, got ?? null);
    }
  });

  it('meets the quality bar', () => {
    report('plain text', tally);
    expect(tally.total).toBeGreaterThan(150);
    expect(tally.ok / tally.total).toBeGreaterThanOrEqual(0.95);
    expect(tally.wrongMatches).toBe(0);
  });
});

function element(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/** Pretty-printed markup: indentation, line breaks and inline elements around words. */
function richParagraph(text: string, tag: string): HTMLElement {
  const words = text.split(' ');
  const children: (Node | string)[] = ['\n      '];
  words.forEach((word, i) => {
    const gap = i === 0 ? '' : i % 7 === 0 ? '\n      ' : ' ';
    if (i % 11 === 5) children.push(gap, element('a', { href: 'https://example.com/topic' }, word));
    else if (i % 13 === 8) children.push(gap, element('em', {}, element('span', {}, word)));
    else children.push(gap + word);
  });
  children.push('\n    ');
  return element(tag, {}, ...children);
}

function plainArticle(ps: readonly string[]): HTMLElement {
  return element('article', {}, ...ps.map((p, i) => element(i === 0 ? 'h1' : 'p', {}, p)));
}

function richArticle(ps: readonly string[]): HTMLElement {
  return element('article', { class: 'story' }, '\n  ', ...ps.map((p, i) => richParagraph(p, i === 0 ? 'h1' : 'p')), '\n');
}

function newLayout(ps: readonly string[]): HTMLElement {
  const body = ps.slice(1);
  return element(
    'div',
    { class: 'page' },
    element('header', {}, element('nav', {}, element('a', { href: 'https://example.com/' }, 'Home'), ' ', element('a', { href: 'https://example.com/news' }, 'News'))),
    element(
      'main',
      {},
      element('aside', { class: 'most-read' }, element('h3', {}, 'Most read'), element('ol', {}, element('li', {}, 'Council tax to rise again'), element('li', {}, 'Harbour wall fears grow'))),
      element(
        'div',
        { class: 'column' },
        element('h1', {}, ps[0] as string),
        element('div', { class: 'ad', hidden: '' }, 'Advertisement: the budget holiday you deserve'),
        element('script', {}, 'window.ads = []'),
        ...body.slice(0, 4).map((p) => element('p', {}, p)),
        element('div', { class: 'promo' }, element('p', {}, 'Sign up for our council newsletter.')),
        ...body.slice(4).map((p) => element('div', { class: 'para' }, element('span', {}, p))),
      ),
    ),
    element('footer', {}, 'Copyright the Harbour Gazette'),
  );
}

describe('re-anchoring mutation suite (through the DOM text map)', () => {
  document.body.replaceChildren(plainArticle(ARTICLE_PARAGRAPHS));
  const originalText = buildTextMap(document.body).text;
  const saved = SPOTS.map((s) => save(originalText, s));
  const tally: Tally = { total: 0, ok: 0, orphansExpected: 0, wrongMatches: 0, failures: [] };
  const layouts: { name: string; build: () => HTMLElement; skip?: (el: Element) => boolean }[] = [
    { name: 'pretty-printed markup with inline elements', build: () => richArticle(ARTICLE_PARAGRAPHS) },
    { name: 'moved into a new page layout', build: () => newLayout(ARTICLE_PARAGRAPHS) },
    {
      name: 'new layout with boilerplate skipped',
      build: () => newLayout(ARTICLE_PARAGRAPHS),
      skip: (el) => ['HEADER', 'FOOTER', 'ASIDE'].includes(el.tagName) || el.classList.contains('promo'),
    },
    {
      name: 'new layout, paragraph removed and one inserted',
      build: () => newLayout([...ARTICLE_PARAGRAPHS.slice(0, 3), INSERTED, ...ARTICLE_PARAGRAPHS.slice(4)]),
    },
  ];

  it('builds the same text from the plain article markup', () => {
    expect(originalText).toBe(ARTICLE);
  });

  it('re-anchors after markup, whitespace and layout changes, and the ranges cover the quotes', () => {
    for (const layout of layouts) {
      document.body.replaceChildren(layout.build());
      const map = buildTextMap(document.body, { skip: layout.skip });
      const anchors = anchorAll(map.text, saved);
      saved.forEach((s, i) => {
        const got = anchors[i] ?? null;
        check(tally, `${layout.name} #${i}`, locate(map.text, s) ?? 'orphan', got);
        if (got?.quality === 'exact') {
          const range = rangeFromOffsets(map, got.start, got.end);
          expect(range?.toString().replace(/\s+/g, ' ')).toBe(s.exact);
        }
      });
    }
  });

  it('meets the quality bar', () => {
    report('DOM', tally);
    expect(tally.total).toBe(layouts.length * SPOTS.length);
    expect(tally.ok / tally.total).toBeGreaterThanOrEqual(0.95);
    expect(tally.wrongMatches).toBe(0);
  });
});
