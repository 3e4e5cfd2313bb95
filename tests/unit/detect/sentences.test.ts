import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../../detect/sentences';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('returns trimmed spans whose offsets slice back to their text', () => {
    const input = '  First one here.  Second one there!\n\n  Third?  ';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual(['First one here.', 'Second one there!', 'Third?']);
    for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps honorifics, initialisms and abbreviations inside the sentence', () => {
    expect(texts('Mr. Smith met Dr. Jones at 9 a.m. in the U.S. on Monday. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones at 9 a.m. in the U.S. on Monday.',
      'They talked.',
    ]);
    expect(texts('The U.S. Senate voted 52-48. Sen. Warren objected.')).toEqual([
      'The U.S. Senate voted 52-48.',
      'Sen. Warren objected.',
    ]);
    expect(texts('Officials at No. 10 said prices, e.g. rents, rose. George W. Bush agreed.')).toEqual([
      'Officials at No. 10 said prices, e.g. rents, rose.',
      'George W. Bush agreed.',
    ]);
  });

  it('decides at "a.m."/"p.m." by the next word: a time zone or day continues, anything else starts a sentence', () => {
    expect(texts('Polls closed at 6 p.m. Turnout was 61%, officials said.')).toEqual([
      'Polls closed at 6 p.m.',
      'Turnout was 61%, officials said.',
    ]);
    expect(texts('The vote closes at 10 a.m. Officials expect a result by noon.')).toEqual([
      'The vote closes at 10 a.m.',
      'Officials expect a result by noon.',
    ]);
    expect(texts('The launch is at 6 p.m. ET Monday. Tickets sold out.')).toEqual(['The launch is at 6 p.m. ET Monday.', 'Tickets sold out.']);
    expect(texts('Talks resume at 9 a.m. Tuesday in Geneva.')).toEqual(['Talks resume at 9 a.m. Tuesday in Geneva.']);
  });

  it('decides at "U.S."/"U.K." by the next word: a name continues, a common noun or function word starts a sentence', () => {
    expect(texts('The fund sold its stake in the U.S. Shareholders were not told, the filing shows.')).toEqual([
      'The fund sold its stake in the U.S.',
      'Shareholders were not told, the filing shows.',
    ]);
    expect(texts('Exports to the U.K. Prices there rose by 4%.')).toEqual(['Exports to the U.K.', 'Prices there rose by 4%.']);
    expect(texts('The U.K. Supreme Court ruled on Friday. The U.S. President Joe Biden spoke later.')).toEqual([
      'The U.K. Supreme Court ruled on Friday.',
      'The U.S. President Joe Biden spoke later.',
    ]);
    expect(texts('Shares of U.S. Steel Corp fell 3%.')).toEqual(['Shares of U.S. Steel Corp fell 3%.']);
  });

  it('keeps initials inside names but ends a sentence at a letter-name', () => {
    expect(texts('J. K. Rowling and George W. Bush were named. They declined.')).toEqual([
      'J. K. Rowling and George W. Bush were named.',
      'They declined.',
    ]);
    expect(texts('Ministers have no plan B. Critics say that is reckless.')).toEqual([
      'Ministers have no plan B.',
      'Critics say that is reckless.',
    ]);
  });

  it('never ends a sentence at a title', () => {
    expect(texts('The award went to Mr. Obama and Mrs. Thatcher’s biographer, Prof. Moore.')).toEqual([
      'The award went to Mr. Obama and Mrs. Thatcher’s biographer, Prof. Moore.',
    ]);
    expect(texts('A statement from Mr. Smith followed.')).toEqual(['A statement from Mr. Smith followed.']);
  });

  it('keeps "No. 10" and dates after abbreviated months together', () => {
    expect(texts('A No. 10 spokesman said the talks began on Jan. 6. They ended in Feb. The deal was signed later.')).toEqual([
      'A No. 10 spokesman said the talks began on Jan. 6.',
      'They ended in Feb.',
      'The deal was signed later.',
    ]);
  });

  it('ends a sentence at "no." when no number follows', () => {
    expect(texts('Asked if he would resign, he said no. Then he left.')).toEqual([
      'Asked if he would resign, he said no.',
      'Then he left.',
    ]);
  });

  it('ends a sentence at an initialism when a new sentence clearly starts', () => {
    expect(texts('Inflation is falling in the U.S. The Fed is pleased.')).toEqual([
      'Inflation is falling in the U.S.',
      'The Fed is pleased.',
    ]);
  });

  it('does not split decimals, percentages or money', () => {
    expect(texts('Unemployment fell to 3.9% while GDP grew 0.1 per cent to £2.3tn. Markets rose.')).toEqual([
      'Unemployment fell to 3.9% while GDP grew 0.1 per cent to £2.3tn.',
      'Markets rose.',
    ]);
  });

  it('keeps a quote that spans sentences together with its attribution', () => {
    expect(texts('“It works. It really does. Trust me,” she said. Then she left.')).toEqual([
      '“It works. It really does. Trust me,” she said.',
      'Then she left.',
    ]);
    expect(texts('He said: "We will win. We always do." Nobody replied.')).toEqual([
      'He said: "We will win. We always do."',
      'Nobody replied.',
    ]);
  });

  it('keeps a quote running over several sentences in one span, then splits after it', () => {
    expect(
      texts('The minister said: “Prices have fallen. Wages have risen. Nobody can deny it.” The opposition disagreed. “It is false.”'),
    ).toEqual([
      'The minister said: “Prices have fallen. Wages have risen. Nobody can deny it.”',
      'The opposition disagreed.',
      '“It is false.”',
    ]);
  });

  it('keeps a British single-quoted quote together despite apostrophes', () => {
    expect(texts('‘We don’t accept it. The figures are wrong,’ the council’s leader said. Officials disagreed.')).toEqual([
      '‘We don’t accept it. The figures are wrong,’ the council’s leader said.',
      'Officials disagreed.',
    ]);
  });

  it('keeps em-dash asides inside the sentence', () => {
    expect(texts('The economy grew — slowly — by 0.1%. Economists were surprised.')).toEqual([
      'The economy grew — slowly — by 0.1%.',
      'Economists were surprised.',
    ]);
  });

  it('separates wire datelines from the first sentence', () => {
    expect(texts('LONDON (Reuters) - Britain’s economy shrank in March.')).toEqual([
      'LONDON (Reuters) -',
      'Britain’s economy shrank in March.',
    ]);
    expect(texts('KYIV, Ukraine (AP) — Drones hit the capital overnight.')).toEqual([
      'KYIV, Ukraine (AP) —',
      'Drones hit the capital overnight.',
    ]);
    expect(texts('NEW YORK, March 3 (Reuters) - U.S. stocks fell on Tuesday.')).toEqual([
      'NEW YORK, March 3 (Reuters) -',
      'U.S. stocks fell on Tuesday.',
    ]);
    expect(texts('WASHINGTON — The Senate passed the bill 51-49.')).toEqual(['WASHINGTON —', 'The Senate passed the bill 51-49.']);
  });

  it('treats line breaks as hard boundaries for headings and bylines', () => {
    expect(texts('Council approves new budget\nBy Jane Smith\nThe council approved a £3m budget on Tuesday.')).toEqual([
      'Council approves new budget',
      'By Jane Smith',
      'The council approved a £3m budget on Tuesday.',
    ]);
  });

  it('does not break on a question or exclamation inside a quote followed by lowercase', () => {
    expect(texts('“Why now?” he asked reporters. She laughed.')).toEqual(['“Why now?” he asked reporters.', 'She laughed.']);
  });

  it('splits the seed article into its lines and sentences', () => {
    const seed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed-article.txt'), 'utf8');
    const spans = splitSentences(seed);
    expect(spans.some((s) => s.text === 'Stay informed with free updates')).toBe(true);
    expect(spans.some((s) => s.text.startsWith('Starmer added: “We have made this trip') && s.text.endsWith('position.”'))).toBe(true);
    expect(spans.some((s) => s.text.startsWith('He said ties were now on'))).toBe(true);
    for (const s of spans) expect(seed.slice(s.start, s.end)).toBe(s.text);
  });

  it('handles empty and whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n  ')).toEqual([]);
  });
});
