import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../detect/entities';
import { familyNamesAlone } from '../../../detect/entity-consistency';
import type { Span } from '../../../detect/entity-spans';
import { tagDoc } from '../../../detect/ner-decode';
import { LABELS, NUM_CLASSES, allowedAfter, docFeatures } from '../../../detect/ner-features';
import { HASH_BITS, bucket } from '../../../detect/ner-hashing';
import { tokenizeForNer } from '../../../detect/ner-tokens';

const B_PER = LABELS.indexOf('B-PER');
const B_ORG = LABELS.indexOf('B-ORG');
const I_ORG = LABELS.indexOf('I-ORG');

/** A weight table that is zero except for the transition features (ner-history.ts pairFeatures, template 60). */
function transitionWeights(set: Array<[prev: number, next: number, weight: number]>): Float32Array {
  const weights = new Float32Array((1 << HASH_BITS) * NUM_CLASSES);
  for (const [prev, next, weight] of set) weights[bucket(60, prev + 1) * NUM_CLASSES + next] = weight;
  return weights;
}

describe('Viterbi decoding of the entity tagger', () => {
  it('finds the best label sequence of a sentence, not the best first label', () => {
    // Opening with B-PER scores 1.0 and leads nowhere; B-ORG scores 0.9 and I-ORG after it 5: a greedy decoder
    // takes B-PER, Viterbi takes B-ORG I-ORG (5.9).
    const weights = transitionWeights([
      [-1, B_PER, 1],
      [-1, B_ORG, 0.9],
      [B_ORG, I_ORG, 5],
    ]);
    const { doc } = tokenizeForNer('Acme Widgets');
    const tags = tagDoc(weights, doc, docFeatures(doc));
    expect(Array.from(tags, (t) => LABELS[t])).toEqual(['B-ORG', 'I-ORG']);
  });

  it('never lets an I- label open a sentence or follow another type, however it is scored', () => {
    // Every transition into I-ORG scores high, so an unconstrained decoder would tag I-ORG everywhere.
    const weights = transitionWeights(Array.from({ length: NUM_CLASSES + 1 }, (_, k): [number, number, number] => [k - 1, I_ORG, 10]));
    const { doc } = tokenizeForNer('Talks in Geneva ended. Reuters said so.\nA second line here.');
    const tags = tagDoc(weights, doc, docFeatures(doc));
    for (let i = 0; i < tags.length; i += 1) {
      const opens = i === 0 || doc.sentence[i] !== doc.sentence[i - 1];
      const prev = opens ? 0 : (tags[i - 1] as number);
      expect(allowedAfter(prev, tags[i] as number)).toBe(true);
    }
    expect(tags.includes(I_ORG)).toBe(true);
  });
});

describe('rules after the Viterbi tagger', { timeout: 60_000 }, () => {
  const typed = (text: string) => findEntities(text).map((m) => `${m.type}:${m.text}`);

  it('keep a country before a title or a known party a place ("US President", "UK Labour government")', () => {
    const found = typed('Since the UK Labour government came to power, talks with US President Donald Trump have stalled.');
    expect(found).toContain('place:UK');
    expect(found).toContain('organization:Labour');
    expect(found).toContain('place:US');
    expect(found).toContain('person:Donald Trump');
  });

  it('take a mid-sentence capital "The" into the name after it, but not a sentence-initial one', () => {
    const found = typed('The Labour Party said the essay first appeared in The New Yorker in 2019.');
    expect(found).toContain('organization:Labour Party');
    expect(found).toContain('organization:The New Yorker');
  });

  it('type a family name used alone as the person, wherever the tagger left it out (familyNamesAlone)', () => {
    const { tokens, doc } = tokenizeForNer('Xi Jinping met Keir Starmer. A pact with Xi was signed, Starmer said, in Beijing.');
    const at = (word: string, from = 0) => tokens.findIndex((t, k) => k >= from && t.text === word);
    // The tagger's spans, as if it had found the full names only (and the place).
    const spans: Span[] = [
      { first: 0, last: 1, type: 'person' },
      { first: at('Keir'), last: at('Starmer'), type: 'person' },
      { first: at('Beijing'), last: at('Beijing'), type: 'place' },
    ];
    const out = familyNamesAlone(tokens, doc, spans).map((s) => `${s.type}:${tokens.slice(s.first, s.last + 1).map((t) => t.text).join(' ')}`);
    // East Asian order: "Xi" is the family name; "Starmer" is the last word of an ordinary name.
    expect(out).toEqual(['person:Xi Jinping', 'person:Keir Starmer', 'person:Xi', 'person:Starmer', 'place:Beijing']);
  });
});
