import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_WORTHY_THRESHOLD, isCheckWorthy, scoreSentence } from '../../../detect/claims';

const labelled = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/labelled');

interface Item {
  topic: string;
  text: string;
  checkWorthy: boolean;
  speaker?: string;
}

function load(name: string): Item[] {
  return (JSON.parse(readFileSync(join(labelled, name), 'utf8')) as { items: Item[] }).items;
}

interface Metrics {
  precision: number;
  recall: number;
  f1: number;
}

function evaluate(items: Item[], predict: (s: string) => boolean): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const predicted = predict(item.text);
    if (predicted && item.checkWorthy) tp++;
    else if (predicted) fp++;
    else if (item.checkWorthy) fn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

// The usual baseline from the check-worthiness literature: any number, comparative or reporting verb.
function cueBaseline(sentence: string): boolean {
  return (
    /\d/.test(sentence) ||
    /\b(?:more|less|fewer|higher|lower|bigger|smaller|better|worse|\w+er)\s+than\b|\b(?:most|least|\w+est)\b/i.test(sentence) ||
    /\b(?:said|says|told|according to|announced|claimed|reported|stated)\b/i.test(sentence)
  );
}

const fmt = (m: Metrics) => `P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} F1=${m.f1.toFixed(3)}`;

describe('scoreSentence', () => {
  it('returns a score in [0, 1] and the reasons behind it', () => {
    const cases: [string, string][] = [
      ['Unemployment fell to 3.9% in March.', 'statistic'],
      ['Prices are higher than they were a year ago.', 'comparison'],
      ['It was the hottest summer on record.', 'superlative'],
      ['The ministry said exports had recovered.', 'attribution'],
      ['“We have cut waiting lists,” the minister said.', 'quotation'],
      ['Flights were cancelled because of the strike.', 'causal'],
      ['The plant is expected to close next year.', 'prediction'],
      ['Parliament passed the bill on Tuesday.', 'policy'],
    ];
    for (const [sentence, reason] of cases) {
      const { score, reasons } = scoreSentence(sentence);
      expect(score, sentence).toBeGreaterThanOrEqual(0);
      expect(score, sentence).toBeLessThanOrEqual(1);
      expect(reasons, sentence).toContain(reason);
    }
  });

  it('ranks a factual statistic above the same topic as an opinion', () => {
    expect(scoreSentence('Inflation rose to 4.1% in September.').score).toBeGreaterThan(
      scoreSentence('I think inflation is a terrible burden.').score,
    );
  });

  it('does not count clock times or identifiers as statistics', () => {
    expect(scoreSentence('The meeting starts at 10am.').reasons).not.toContain('statistic');
    expect(scoreSentence('Number 10 declined to comment.').reasons).not.toContain('statistic');
  });

  it('ignores links, handles and emoji in social posts', () => {
    const withNoise = scoreSentence('Thoughts with everyone affected 🙏 @user https://t.co/x12345 #staysafe').score;
    expect(withNoise).toBeLessThan(CHECK_WORTHY_THRESHOLD);
  });
});

describe('isCheckWorthy', () => {
  it('agrees with the threshold', () => {
    const sentence = 'The council approved a 4.99% rise in council tax.';
    expect(isCheckWorthy(sentence)).toBe(scoreSentence(sentence).score >= CHECK_WORTHY_THRESHOLD);
  });

  it('rejects questions, greetings, calls to action, opinions and boilerplate', () => {
    for (const sentence of [
      'Will unemployment rise by 5% next year?',
      'Good evening and thank you all for joining us.',
      'Sign up to our newsletter for the latest updates.',
      'Read the full article here',
      'Stay informed with free updates',
      'Simply sign up to the Chinese politics & policy myFT Digest — delivered directly to your inbox.',
      'Click here to watch the 3-minute video.',
      'I believe we must do better for our children.',
      'What a fantastic result!',
      'Please share this with your friends.',
    ]) {
      expect(isCheckWorthy(sentence), sentence).toBe(false);
    }
  });

  it('accepts verifiable assertions without numbers', () => {
    for (const sentence of [
      'The Supreme Court struck down the law on Friday.',
      'She voted against the war in Iraq.',
      'Researchers found no evidence that the drug slowed the disease.',
    ]) {
      expect(isCheckWorthy(sentence), sentence).toBe(true);
    }
  });
});

describe('check-worthiness on the labelled sets', () => {
  const dev = load('claims-dev.json');
  const heldOut = load('claims-heldout.json');
  const debatesDev = load('claims-dev-debates.json');
  const heldOut2 = load('claims-heldout-2.json');

  it('has enough labelled sentences of both classes', () => {
    expect(dev.length + heldOut.length + debatesDev.length + heldOut2.length).toBeGreaterThanOrEqual(350);
    expect(heldOut.filter((i) => !i.checkWorthy).length).toBeGreaterThan(20);
    expect(heldOut.filter((i) => i.checkWorthy).length).toBeGreaterThan(20);
  });

  it.each([
    ['dev (tuned on)', dev],
    ['held-out', heldOut],
  ])('reaches precision and recall >= 0.8 and beats the cue baseline on %s', (name, items) => {
    const ours = evaluate(items, isCheckWorthy);
    const baseline = evaluate(items, cueBaseline);
    console.log(`claims ${name} (${items.length}): scorer ${fmt(ours)} | cue baseline ${fmt(baseline)}`);
    expect(ours.precision).toBeGreaterThanOrEqual(0.8);
    expect(ours.recall).toBeGreaterThanOrEqual(0.8);
    expect(ours.f1).toBeGreaterThan(baseline.f1);
  });

  // Debate lines and social posts carry fewer numbers; recall there is the scorer's known weak spot, so the bar is F1.
  it.each([
    ['debates/social (tuned on)', debatesDev],
    ['held-out 2 (debates/social/news)', heldOut2],
  ])('keeps precision, F1 >= 0.8 and beats the cue baseline on %s', (name, items) => {
    const ours = evaluate(items, isCheckWorthy);
    const baseline = evaluate(items, cueBaseline);
    console.log(`claims ${name} (${items.length}): scorer ${fmt(ours)} | cue baseline ${fmt(baseline)}`);
    expect(ours.precision).toBeGreaterThanOrEqual(0.8);
    expect(ours.f1).toBeGreaterThanOrEqual(0.8);
    expect(ours.f1).toBeGreaterThan(baseline.f1);
  });

  it('keeps precision on every topic, including debate lines and page boilerplate', () => {
    const all = [...dev, ...heldOut, ...debatesDev, ...heldOut2];
    for (const topic of new Set(all.map((i) => i.topic))) {
      const negatives = all.filter((i) => i.topic === topic && !i.checkWorthy);
      const falsePositives = negatives.filter((i) => isCheckWorthy(i.text)).map((i) => i.text);
      expect(falsePositives.length, `${topic}: ${falsePositives.join(' | ')}`).toBeLessThanOrEqual(Math.ceil(negatives.length * 0.2));
    }
  });
});
