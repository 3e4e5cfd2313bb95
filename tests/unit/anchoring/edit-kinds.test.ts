// One test per kind of edit that used to put notes on the wrong words (issue 17), plus Unicode forms.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll } from '../../../anchoring/match';
import { normalizeWithMap } from '../../../anchoring/normalize';
import { describeRange } from '../../../anchoring/selectors';
import { buildTextMap, rangeFromOffsets } from '../../../anchoring/text-map';
import { changedKeyTokens, tokenize } from '../../../anchoring/tokens';

const DESK = readFileSync(resolve(__dirname, '../../fixtures/anchoring/international-desk.txt'), 'utf8').trim();
const PARAGRAPHS = DESK.split('\n\n');

function save(text: string, exact: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`missing ${exact}`);
  return describeRange(text, at, at + exact.length);
}

const join = (ps: string[]) => ps.join('\n\n');

describe('re-anchoring never lands on a look-alike', () => {
  it('orphans a note whose paragraph was deleted while a near-copy with another name stays', () => {
    const original = PARAGRAPHS[3] as string;
    const copy = original.replace('Zoë Ångström', 'Ingrid Holm');
    const page = join([...PARAGRAPHS.slice(0, 6), copy, ...PARAGRAPHS.slice(6)]);
    const saved = save(page, 'Zoë Ångström, who leads the water board in Malmö');
    const edited = page.replace(`${original}\n\n`, '');
    expect(edited.includes('Ingrid Holm, who leads the water board in Malmö')).toBe(true);
    expect(anchor(edited, saved)).toBeNull();
  });

  it('orphans a note whose paragraph was deleted while a near-copy with another figure stays', () => {
    const original = PARAGRAPHS[3] as string;
    const copy = original.replace('12 car parks', '31 car parks');
    const page = join([...PARAGRAPHS.slice(0, 6), copy, ...PARAGRAPHS.slice(6)]);
    const saved = save(page, 'presented a plan to turn 12 car parks into temporary reservoirs');
    expect(anchor(page.replace(`${original}\n\n`, ''), saved)).toBeNull();
  });

  it('orphans a short quote whose sentence was deleted, although the words occur elsewhere', () => {
    const saved = save(DESK, 'Peña said', 0);
    const edited = DESK.replace(' Peña said Valencia would contribute to such a fund if it were run by the cities themselves rather than by national governments.', '');
    expect(edited.includes('Peña said')).toBe(false);
    expect(edited.includes('Peña told')).toBe(true);
    const savedTold = save(DESK, 'the city had learned');
    const rewritten = DESK.replace('who said the city had learned “hard lessons”', 'who spoke of “hard lessons”');
    expect(anchor(rewritten, savedTold)).toBeNull();
    expect(anchor(edited, saved)).toBeNull();
  });

  it('prefers the edited passage in place to an exact copy elsewhere (a typo fixed)', () => {
    const quote = 'Every hectare we give the river is a street we do not have to pump dry';
    const page = join([...PARAGRAPHS.slice(0, 2), `“${quote}”`, ...PARAGRAPHS.slice(2)]);
    const saved = save(page, quote, 1);
    const edited = page.replace(`${quote},” he said`, `${quote.replace('hectare', 'hectar')},” he said`);
    const found = anchor(edited, saved);
    const expectedStart = edited.indexOf('Every hectar we give');
    expect(found?.start).toBe(expectedStart);
    expect(found?.quality).toBe('changed');
  });

  it('finds a one- or two-digit figure corrected in place, with changes', () => {
    const saved = save(DESK, '18');
    const edited = DESK.replace('after a summer in which 18 of the 22', 'after a summer in which 15 of the 22');
    const found = anchor(edited, saved);
    expect(found).toEqual(expect.objectContaining({ start: saved.position.start, end: saved.position.end, quality: 'changed' }));
    const sentence = save(DESK, 'Araújo said 7 people had died in landslides in March');
    const corrected = DESK.replace('Araújo said 7 people', 'Araújo said 9 people');
    expect(anchor(corrected, sentence)).toEqual(expect.objectContaining({ start: sentence.position.start, quality: 'changed' }));
  });

  it('does not take a corrected figure that moved away from its place', () => {
    const saved = save(DESK, 'Araújo said 7 people had died in landslides in March');
    const moved = join([...PARAGRAPHS.filter((p) => !p.includes('Araújo said 7')), (PARAGRAPHS[5] as string).replace('Araújo said 7', 'Araújo said 9')]);
    expect(anchor(moved, saved)).toBeNull();
  });

  it('weighs context for exact matches: a short quote whose context is unrelated is an orphan', () => {
    const saved = save(DESK, 'in Lyon', 1);
    expect(saved.quote.suffix.startsWith(' on Thursday')).toBe(true);
    const edited = DESK.replace('met in Lyon on Thursday', 'met on Thursday');
    // "in Lyon" is still in the headline ("meet in Lyon to share"), in other words.
    expect(edited.includes('in Lyon')).toBe(true);
    expect(anchor(edited, saved)).toBeNull();
  });

  it('rejects a candidate that is the quote repeated inside its own saved context', () => {
    const text = 'The council met. The council said the council would vote on Friday, and the vote was close.';
    const saved = describeRange(text, text.indexOf('the council would'), text.indexOf('the council would') + 'the council'.length);
    const edited = text.replace(' the council would', ' it would');
    expect(anchor(edited, saved)).toBeNull();
  });
});

describe('Unicode forms', () => {
  it('maps composed and decomposed text to one matching view, with offsets back to the raw text', () => {
    const nfd = 'José Peña'.normalize('NFD');
    const view = normalizeWithMap(nfd);
    expect(view.text).toBe('José Peña');
    expect(view.normToRaw[3]).toBe(3);
    expect(view.normToRawEnd[3]).toBe(5);
    expect(view.rawToNorm[nfd.length]).toBe(view.text.length);
  });

  it('anchors an NFC quote on NFD text, covering the combining marks', () => {
    const saved = save(DESK, 'José Peña');
    const nfd = DESK.normalize('NFD');
    const found = anchor(nfd, saved);
    expect(found?.quality).toBe('exact');
    expect(nfd.slice(found?.start, found?.end).normalize('NFC')).toBe('José Peña');
    expect(nfd.slice(found?.start, found?.end)).toBe('José Peña'.normalize('NFD'));
  });

  it('anchors an NFD quote on NFC text and folds compatibility forms (NFKC)', () => {
    const nfd = DESK.normalize('NFD');
    const saved = save(nfd, 'Łukasz Wróbel'.normalize('NFD'));
    const found = anchor(DESK, saved);
    expect(DESK.slice(found?.start, found?.end)).toBe('Łukasz Wróbel');
    const ligature = 'The ﬁnance official said the ﬁgures were wrong.';
    const onPlain = anchor('The finance official said the figures were wrong.', describeRange(ligature, 4, 11));
    expect(onPlain).toEqual(expect.objectContaining({ start: 4, end: 11, quality: 'exact' }));
  });

  it('anchors through the DOM text map when the page serves decomposed accents', () => {
    const build = (paragraphs: string[]) => {
      const article = document.createElement('article');
      for (const p of paragraphs) {
        const el = document.createElement('p');
        el.textContent = p;
        article.append(el);
      }
      document.body.replaceChildren(article);
      return buildTextMap(article);
    };
    const before = build(PARAGRAPHS);
    const items = ['José Peña', 'Zoë Ångström', 'Conceição Araújo', 'Gérard Lefèvre'].map((q) => save(before.text, q));
    const after = build(PARAGRAPHS.map((p) => p.normalize('NFD')));
    const anchors = anchorAll(after.text, items);
    anchors.forEach((a, i) => {
      expect(a?.quality).toBe('exact');
      const range = a && rangeFromOffsets(after, a.start, a.end);
      expect(range?.toString().normalize('NFC')).toBe(items[i]?.quote.exact);
    });
  });
});

describe('key tokens', () => {
  it('counts names and numbers replaced by others, not ones written another way', () => {
    const count = (a: string, b: string) => changedKeyTokens(tokenize(a), tokenize(b));
    expect(count('Plans for Yahoo are still in flux', 'Plans for Xu are still in flux')).toBe(1);
    expect(count('18 of the 22 cities', '15 of the 22 cities')).toBe(1);
    expect(count('a £12 million contract', 'a £12m contract')).toBe(0);
    expect(count('more than two hundred parking spaces', 'more than 200 parking spaces')).toBe(0);
    expect(count('powered by Mocha and Chai', 'powered by Mocha and')).toBe(1);
    expect(count('the council met', 'the councillors met')).toBe(0);
  });
});
