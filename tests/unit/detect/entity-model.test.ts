import { unzlibSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entityModel, findEntities } from '../../../detect/entities';
import { NUM_CLASSES } from '../../../detect/ner-features';
import { HASH_BITS } from '../../../detect/ner-hashing';
import { NerWeightsError, decodeWeights, encodeWeights } from '../../../detect/ner-model';
import { tokenizeForNer } from '../../../detect/ner-tokens';
import { NER_WEIGHTS } from '../../../detect/ner-weights';
import { evaluate, formatEvaluation, type LabelledParagraph } from './entities-evaluate';

// A small labelled sample of news prose written for this test (not taken from any training or fixture text),
// in the labelling conventions of tests/fixtures/labelled (see entities.test.ts).
const SAMPLE: LabelledParagraph[] = [
  {
    text: 'Angela Rayner visited Sheffield on Tuesday to open a housing project backed by the Homes England agency.',
    entities: [
      { text: 'Angela Rayner', type: 'person' },
      { text: 'Sheffield', type: 'place' },
      { text: 'Homes England', type: 'organization' },
    ],
  },
  {
    text: 'The European Central Bank left rates unchanged, and its president, Christine Lagarde, said inflation in Germany and Italy was easing.',
    entities: [
      { text: 'European Central Bank', type: 'organization' },
      { text: 'Christine Lagarde', type: 'person' },
      { text: 'Germany', type: 'place' },
      { text: 'Italy', type: 'place' },
    ],
  },
  {
    text: 'Microsoft and Nvidia shares fell in New York after analysts at Goldman Sachs cut their forecasts.',
    entities: [
      { text: 'Microsoft', type: 'organization' },
      { text: 'Nvidia', type: 'organization' },
      { text: 'New York', type: 'place' },
      { text: 'Goldman Sachs', type: 'organization' },
    ],
  },
  {
    text: 'Emmanuel Macron flew to Warsaw for talks with Donald Tusk. Macron later told reporters that NATO must do more.',
    entities: [
      { text: 'Emmanuel Macron', type: 'person' },
      { text: 'Warsaw', type: 'place' },
      { text: 'Donald Tusk', type: 'person' },
      { text: 'Macron', type: 'person' },
      { text: 'NATO', type: 'organization' },
    ],
  },
  {
    text: 'Flooding closed roads across Yorkshire and Lincolnshire, the Environment Agency said, as Storm Bert moved east.',
    entities: [
      { text: 'Yorkshire', type: 'place' },
      { text: 'Lincolnshire', type: 'place' },
      { text: 'Environment Agency', type: 'organization' },
    ],
  },
  {
    text: 'Manchester United sacked their manager after a 3-0 defeat by Brighton, the club confirmed on its website.',
    entities: [
      { text: 'Manchester United', type: 'organization' },
      { text: 'Brighton', type: 'organization' },
    ],
  },
  {
    text: 'Speaking in Nairobi, the United Nations refugee chief Filippo Grandi urged Sudan\'s army to let aid through.',
    entities: [
      { text: 'Nairobi', type: 'place' },
      { text: 'United Nations', type: 'organization' },
      { text: 'Filippo Grandi', type: 'person' },
      { text: 'Sudan', type: 'place' },
    ],
  },
  {
    text: 'Senator Elizabeth Warren asked the Federal Reserve to explain its decision, according to a letter seen by Reuters.',
    entities: [
      { text: 'Elizabeth Warren', type: 'person' },
      { text: 'Federal Reserve', type: 'organization' },
      { text: 'Reuters', type: 'organization' },
    ],
  },
];

describe('shipped entity tagger weights', { timeout: 60_000 }, () => {
  it('load, with the shape this build computes features for', () => {
    const model = entityModel();
    expect(model.weights.length).toBe((1 << HASH_BITS) * NUM_CLASSES);
    expect(model.scale).toBeGreaterThan(0);
    // A trained model is dense enough to matter: an all-zero or nearly empty table would tag nothing.
    let nonZero = 0;
    for (const w of model.weights) if (w !== 0) nonZero += 1;
    expect(nonZero).toBeGreaterThan(model.weights.length / 20);
  });

  it('tag a small labelled news sample above a floor', () => {
    const result = evaluate(SAMPLE, findEntities);
    console.log(formatEvaluation('entity model, hand-written sample', result));
    expect(result.overall.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('round-trip through the shipped encoding', () => {
    const model = entityModel();
    const again = decodeWeights(encodeWeights(model));
    expect(again.scale).toBe(model.scale);
    expect(again.weights.length).toBe(model.weights.length);
    // A loop, not toEqual: deep equality over millions of elements takes tens of seconds.
    let differing = 0;
    for (let k = 0; k < model.weights.length; k += 1) if (again.weights[k] !== model.weights[k]) differing += 1;
    expect(differing).toBe(0);
  });
});

describe('corrupt or missing weights fail loudly', { timeout: 60_000 }, () => {
  const raw = () => {
    const binary = atob(NER_WEIGHTS);
    return unzlibSync(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  };
  const pack = (bytes: Uint8Array) => btoa(Array.from(zlibSync(bytes), (b) => String.fromCharCode(b)).join(''));

  it('rejects an empty string (the generated module lost its data)', () => {
    expect(() => decodeWeights('')).toThrow(NerWeightsError);
  });

  it('rejects text that is not base64 or not zlib', () => {
    expect(() => decodeWeights('not base64 at all!')).toThrow(/base64/);
    expect(() => decodeWeights(btoa('plain bytes, no zlib header'))).toThrow(/zlib/);
  });

  it('rejects a truncated string', () => {
    expect(() => decodeWeights(NER_WEIGHTS.slice(0, NER_WEIGHTS.length / 2))).toThrow(NerWeightsError);
  });

  it('rejects a flipped weight through the checksum', () => {
    const bytes = raw();
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x40;
    expect(() => decodeWeights(pack(bytes))).toThrow(/checksum/);
  });

  it('rejects weights trained for another feature version or of another size', () => {
    const stale = raw();
    stale[6] = (stale[6] ?? 0) + 1;
    expect(() => decodeWeights(pack(stale))).toThrow(/feature version/);
    const short = raw().subarray(0, 5000);
    expect(() => decodeWeights(pack(short))).toThrow(/payload/);
    const wrongMagic = raw();
    wrongMagic[0] = 0;
    expect(() => decodeWeights(pack(wrongMagic))).toThrow(/magic/);
  });
});

describe('tokenizeForNer', () => {
  it('cuts words and punctuation as CoNLL does, with UTF-16 offsets that slice back to the token', () => {
    const text = '🎉 Mr. O’Neill’s firm, Rolls-Royce Ltd., hired J. K. Rowling in the U.S.\nNew line here';
    const { tokens, doc } = tokenizeForNer(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual([
      '🎉', 'Mr.', 'O’Neill', '’s', 'firm', ',', 'Rolls-Royce', 'Ltd.', ',', 'hired', 'J.', 'K.', 'Rowling', 'in', 'the', 'U.S.',
      'New', 'line', 'here',
    ]);
    expect(doc.line[doc.line.length - 1]).toBe(1);
    expect(doc.sentence[tokens.findIndex((t) => t.text === 'New')]).toBeGreaterThan(doc.sentence[0] ?? 0);
  });

  it('splits a hyphenated pair only when both parts are known names', () => {
    expect(tokenizeForNer('UK-China talks').tokens.map((t) => t.text)).toEqual(['UK', '-', 'China', 'talks']);
    expect(tokenizeForNer('Jae-myung spoke').tokens.map((t) => t.text)).toEqual(['Jae-myung', 'spoke']);
  });

  it('keeps a detached possessive (as in space-separated CoNLL text) as one token', () => {
    expect(tokenizeForNer("St. George 's").tokens.map((t) => t.text)).toEqual(['St.', 'George', "'s"]);
  });
});

describe('rules after the tagger, for modern prose', { timeout: 60_000 }, () => {
  const typed = (text: string) => findEntities(text).map((m) => `${m.type}:${m.text}`);

  it('type a name ending in a party or record-label word as an organisation, never a person', () => {
    const found = typed('In 1998 the Refah Partisi was banned, and its members founded the Saadet Partisi under Necmettin Erbakan.');
    expect(found).toContain('organization:Refah Partisi');
    expect(found).toContain('organization:Saadet Partisi');
    expect(found).toContain('person:Necmettin Erbakan');
    expect(typed('The band signed with Virgin Records in 2002.')).toContain('organization:Virgin Records');
  });

  it('split two headed names joined by "and" (the tagger gives one span)', () => {
    const found = typed('He studied at Leipzig University and University of Jena before moving to Berlin.');
    expect(found).toContain('organization:Leipzig University');
    expect(found).toContain('organization:University of Jena');
  });
});
