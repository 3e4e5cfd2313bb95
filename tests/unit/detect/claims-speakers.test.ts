import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveSpeakers } from '../../../detect/claim-speakers';
import { splitSentences } from '../../../detect/sentences';
import type { SpeakerEntity } from '../../../detect/claim-speakers';
import type { EntityMention, EntityType } from '../../../detect/types';

interface StubEntity {
  canonical: string;
  type: EntityType;
  mentions: string[];
}

/** Exact-string entity finder for tests, so speaker logic can be checked independently of the real detector. */
function stubEntities(text: string, entities: StubEntity[]): {
  mentions: EntityMention[];
  entityOf: (m: EntityMention) => SpeakerEntity;
} {
  const mentions: EntityMention[] = [];
  const byId = new Map<string, SpeakerEntity>();
  for (const e of entities) {
    const entityId = e.canonical.toLowerCase().replace(/\W+/g, '-');
    byId.set(entityId, { canonical: e.canonical, type: e.type });
    // Longest surface forms first so "Sir Keir Starmer" wins over the "Starmer" inside it.
    for (const surface of [...e.mentions].sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`\\b${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + surface.length;
        if (mentions.some((x) => start < x.end && end > x.start)) continue;
        mentions.push({ start, end, text: surface, type: e.type, entityId });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, entityOf: (m) => byId.get(m.entityId) ?? { canonical: m.text, type: m.type } };
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

function speakersOf(text: string, entities: StubEntity[]): Map<string, string | undefined> {
  const sentences = splitSentences(text);
  const { mentions, entityOf } = stubEntities(text, entities);
  const speakers = resolveSpeakers({ text, sentences, mentions, entityOf });
  return new Map(sentences.map((s, i) => [s.text, speakers[i]]));
}

function speakerOfSentenceStarting(map: Map<string, string | undefined>, prefix: string): string | undefined {
  const entry = [...map.entries()].find(([sentence]) => sentence.startsWith(prefix));
  if (!entry) throw new Error(`no sentence starts with ${prefix}`);
  return entry[1];
}

describe('resolveSpeakers', () => {
  const people: StubEntity[] = [
    { canonical: 'Keir Starmer', type: 'person', mentions: ['Sir Keir Starmer', 'Starmer'] },
    { canonical: 'Rachel Reeves', type: 'person', mentions: ['Rachel Reeves', 'Reeves'] },
    { canonical: 'Downing Street', type: 'organization', mentions: ['Downing Street', 'Number 10'] },
    { canonical: 'Office for National Statistics', type: 'organization', mentions: ['Office for National Statistics', 'ONS'] },
    { canonical: 'Xinhua', type: 'organization', mentions: ['Xinhua'] },
    { canonical: 'China', type: 'place', mentions: ['China'] },
  ];

  it('takes the subject of a reporting verb, through appositives and time phrases', () => {
    const map = speakersOf(
      'Reeves, the chancellor, said growth had doubled. Number 10 said the plan was agreed. ' +
        'State-owned news agency Xinhua said on Wednesday that exports rose.',
      people,
    );
    expect(speakerOfSentenceStarting(map, 'Reeves, the chancellor')).toBe('Rachel Reeves');
    expect(speakerOfSentenceStarting(map, 'Number 10')).toBe('Downing Street');
    expect(speakerOfSentenceStarting(map, 'State-owned')).toBe('Xinhua');
  });

  it('handles inverted attribution and "according to"', () => {
    const map = speakersOf(
      '“Exports rose by 4%,” said Chancellor Rachel Reeves. Prices fell by 2%, according to the Office for National Statistics.',
      people,
    );
    expect(speakerOfSentenceStarting(map, '“Exports')).toBe('Rachel Reeves');
    expect(speakerOfSentenceStarting(map, 'Prices fell')).toBe('Office for National Statistics');
  });

  it('resolves "he" to the person who was the subject just before', () => {
    const map = speakersOf('Starmer met business leaders in China. He said exports had doubled since 2020.', people);
    expect(speakerOfSentenceStarting(map, 'He said')).toBe('Keir Starmer');
  });

  it('does not take a name inside the quote as the speaker', () => {
    const map = speakersOf('Reeves was asked about the visit. “Starmer has done well,” she said.', people);
    expect(speakerOfSentenceStarting(map, '“Starmer')).toBe('Rachel Reeves');
  });

  it('gives a bare quote the speaker named in the sentence before or after', () => {
    const before = speakersOf('Reeves said on Monday: \n“Borrowing fell by £3bn in March.”', people);
    expect(speakerOfSentenceStarting(before, '“Borrowing')).toBe('Rachel Reeves');
    // A quote running over two paragraphs: the first has no closing mark, the attribution comes in the second.
    const after = speakersOf('“Borrowing fell by £3bn in March.\n“That shows the plan is working,” Reeves said.', people);
    expect(speakerOfSentenceStarting(after, '“Borrowing')).toBe('Rachel Reeves');
  });

  it('handles roles, long appositives and a name set off by commas', () => {
    const map = speakersOf(
      'A Downing Street spokesperson said exports rose. ' +
        'Reeves, who was appointed chancellor after the election and has held the post for a year, said debt fell. ' +
        'The chancellor of the exchequer, Rachel Reeves, said borrowing fell.',
      people,
    );
    expect(speakerOfSentenceStarting(map, 'A Downing Street')).toBe('Downing Street');
    expect(speakerOfSentenceStarting(map, 'Reeves, who')).toBe('Rachel Reeves');
    expect(speakerOfSentenceStarting(map, 'The chancellor of')).toBe('Rachel Reeves');
  });

  it('does not mistake the subject of a reported clause for an inverted speaker', () => {
    const map = speakersOf('The minister confirms the Office for National Statistics has cut its forecast.', people);
    expect(speakerOfSentenceStarting(map, 'The minister')).toBeUndefined();
  });

  it('continues the previous speaker for a quote paragraph that follows an attributed quote', () => {
    const map = speakersOf(
      '“Growth is back,” said Rachel Reeves.\n“Borrowing fell by £3bn.”\n“We are on track,” Starmer said.',
      people,
    );
    expect(speakerOfSentenceStarting(map, '“Borrowing')).toBe('Rachel Reeves');
  });

  it('falls back to a capitalised name the entity detector missed', () => {
    const map = speakersOf('The Resolution Foundation said real wages had fallen.', people);
    expect(speakerOfSentenceStarting(map, 'The Resolution Foundation')).toBe('Resolution Foundation');
  });

  it('leaves unnamed sources without a speaker', () => {
    const map = speakersOf('Officials said the count would finish on Friday. The minister told reporters prices fell.', people);
    expect(speakerOfSentenceStarting(map, 'Officials')).toBeUndefined();
    expect(speakerOfSentenceStarting(map, 'The minister')).toBeUndefined();
  });

  it('finds the gold speakers of the seed article with gold entities', () => {
    const text = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(fixtures, 'seed-article.gold.json'), 'utf8')) as {
      entities: StubEntity[];
      claims: { quote: string; speaker?: string }[];
    };
    const map = speakersOf(text, gold.entities);
    for (const claim of gold.claims.filter((c) => c.speaker)) {
      const entry = [...map.entries()].find(([sentence]) => sentence.includes(claim.quote));
      expect(entry, claim.quote).toBeDefined();
      expect(entry![1], claim.quote).toBe(claim.speaker);
    }
  });
});
