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
