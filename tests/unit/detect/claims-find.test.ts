import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimBand } from '../../../detect/claim-bands';
import { CHECK_WORTHY_THRESHOLD, findClaims } from '../../../detect/claims';
import { findEntities } from '../../../detect/entities';
import type { Claim, EntityMention } from '../../../detect/types';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const seed = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(fixtures, 'seed-article.gold.json'), 'utf8')) as {
  boilerplate: string[];
  claims: { quote: string; speaker?: string }[];
};

function expectWellFormed(text: string, claims: Claim[]): void {
  let last = -1;
  for (const c of claims) {
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.text).toBe(c.text.trim());
    expect(c.start).toBeGreaterThan(last);
    expect(c.score).toBeGreaterThanOrEqual(CHECK_WORTHY_THRESHOLD);
    expect(c.score).toBeLessThanOrEqual(1);
    expect(c.band).toBe(claimBand(c.score));
    last = c.start;
  }
  // Ranks 1..n, most check-worthy first.
  const byRank = [...claims].sort((a, b) => a.rank - b.rank);
  expect(byRank.map((c) => c.rank)).toEqual(claims.map((_, i) => i + 1));
  for (let i = 1; i < byRank.length; i++) expect(byRank[i]!.score).toBeLessThanOrEqual(byRank[i - 1]!.score);
}

describe('findClaims on the seed article', () => {
  const claims = findClaims(seed);

  it('finds every gold claim with its gold speaker', () => {
    for (const g of gold.claims) {
      const claim = claims.find((c) => c.text.includes(g.quote));
      expect(claim, g.quote).toBeDefined();
      if (g.speaker) expect(claim?.speaker, g.quote).toBe(g.speaker);
    }
  });

  it('returns well-formed, sorted claims and no boilerplate', () => {
    expectWellFormed(seed, claims);
    for (const line of gold.boilerplate) expect(claims.some((c) => c.text.includes(line)), line).toBe(false);
  });

  it('marks direct quotes but not scare quotes', () => {
    const quoted = claims.find((c) => c.text.includes('making history'));
    expect(quoted?.quoted).toBe(true);
    const plain = claims.find((c) => c.text.startsWith('Downing Street said'));
    expect(plain?.quoted).toBe(false);
    expect(plain?.reasons).toContain('attribution');
  });

  it('gives the same result with precomputed entities', () => {
    expect(findClaims(seed, { entities: findEntities(seed) })).toEqual(claims);
  });
});

describe('findClaims', () => {
  it('returns nothing for empty text or text without claims', () => {
    expect(findClaims('')).toEqual([]);
    expect(findClaims('What a day!\n\nSign up to our newsletter.\n\nThanks for reading.')).toEqual([]);
  });

  it('works across paragraphs with UTF-16 offsets after astral characters', () => {
    const text =
      'Flood warning 🌊 issued\n\nMore than 2,000 homes were evacuated in Somerset on Monday, the Environment Agency said.\n\n' +
      'Residents were told to stay calm. The river rose by 3.2 metres in 24 hours, the highest level since 1968.';
    const claims = findClaims(text);
    expectWellFormed(text, claims);
    expect(claims.map((c) => c.text)).toEqual([
      'More than 2,000 homes were evacuated in Somerset on Monday, the Environment Agency said.',
      'The river rose by 3.2 metres in 24 hours, the highest level since 1968.',
    ]);
    expect(claims[0]?.speaker).toBe('Environment Agency');
    expect(claims[1]?.reasons[0]).toBe('statistic');
  });

  it('uses the entities it is given to name speakers', () => {
    const text = 'Rachel Reeves visited Leeds. Reeves said borrowing had fallen by £3bn in March.';
    const at = (s: string) => text.indexOf(s);
    const entities: EntityMention[] = [
      { start: at('Rachel Reeves'), end: at('Rachel Reeves') + 13, text: 'Rachel Reeves', type: 'person', entityId: 'p1' },
      { start: at('Reeves said'), end: at('Reeves said') + 6, text: 'Reeves', type: 'person', entityId: 'p1' },
    ];
    const claim = findClaims(text, { entities }).find((c) => c.text.startsWith('Reeves said'));
    expect(claim?.speaker).toBe('Rachel Reeves');
  });

  it('keeps two claims apart after "p.m." and "U.S." so each keeps its own speaker', () => {
    const text =
      'Polling stations closed at 10 p.m. Turnout was 61%, the Electoral Commission said. ' +
      'Exports of steel fell by 12% to the U.S. Shareholders lost £2bn last year, Tata Steel said.';
    const claims = findClaims(text);
    const speakerOf = (sentence: string) => {
      const claim = claims.find((c) => c.text === sentence);
      expect(claim, sentence).toBeDefined();
      return claim?.speaker;
    };
    expect(speakerOf('Turnout was 61%, the Electoral Commission said.')).toBe('Electoral Commission');
    expect(speakerOf('Exports of steel fell by 12% to the U.S.')).toBeUndefined();
    expect(speakerOf('Shareholders lost £2bn last year, Tata Steel said.')).toBe('Tata Steel');
  });

  it('resolves a pronoun speaker from the previous sentence', () => {
    const text = 'Emmanuel Macron met farmers in Brittany on Friday. He said France had cut fertiliser imports by 40% since 2022.';
    expect(findClaims(text).find((c) => c.text.startsWith('He said'))?.speaker).toBe('Emmanuel Macron');
  });

  it('names the speakers of labelled attributed claims', () => {
    const labelled = join(fixtures, 'labelled');
    const items = ['claims-dev.json', 'claims-heldout.json'].flatMap(
      (f) => (JSON.parse(readFileSync(join(labelled, f), 'utf8')) as { items: { text: string; speaker?: string }[] }).items,
    );
    const attributed = items.filter((i) => i.speaker);
    const correct = attributed.filter((i) => {
      const speaker = findClaims(i.text)[0]?.speaker;
      return speaker !== undefined && (speaker.includes(i.speaker!) || i.speaker!.includes(speaker));
    });
    console.log(`claims speakers: ${correct.length}/${attributed.length} labelled speakers found`);
    expect(attributed.length).toBeGreaterThanOrEqual(20);
    expect(correct.length / attributed.length).toBeGreaterThanOrEqual(0.9);
  });
});
