// Turns cue counts into a check-worthiness score with a logistic model whose weights were set by hand
// (see tests/fixtures/labelled/CLAIMS-LABELLING.md for the data they were checked against).

import { extractFeatures, type FeatureCounts, type FeatureName } from './claim-features';
import type { ClaimReason } from './types';

export const CHECK_WORTHY_THRESHOLD = 0.5;

interface Weight {
  weight: number;
  /** How many occurrences count; a second statistic adds evidence, a fifth adds nothing. */
  cap: number;
}

const BIAS = -1.0;

const WEIGHTS: Record<FeatureName, Weight> = {
  statistic: { weight: 1.4, cap: 2 },
  plainNumber: { weight: 0.7, cap: 1 },
  comparison: { weight: 0.7, cap: 1 },
  changeVerb: { weight: 0.6, cap: 1 },
  superlative: { weight: 0.8, cap: 2 },
  attribution: { weight: 0.3, cap: 1 },
  reportedClause: { weight: 0.7, cap: 1 },
  quotation: { weight: 0.1, cap: 1 },
  causal: { weight: 0.6, cap: 1 },
  prediction: { weight: 0.3, cap: 1 },
  policy: { weight: 0.6, cap: 2 },
  namedEntities: { weight: 0.5, cap: 1 },
  manyNamedEntities: { weight: 0.3, cap: 1 },
  completedEvent: { weight: 0.6, cap: 1 },
  timeAnchor: { weight: 0.4, cap: 1 },
  question: { weight: -3, cap: 1 },
  imperative: { weight: -3, cap: 1 },
  boilerplate: { weight: -4, cap: 1 },
  greeting: { weight: -3, cap: 1 },
  firstPersonStance: { weight: -1.6, cap: 1 },
  evaluative: { weight: -1.0, cap: 2 },
  hedge: { weight: -0.6, cap: 2 },
  deontic: { weight: -1.0, cap: 1 },
  secondPerson: { weight: -0.7, cap: 1 },
  feeling: { weight: -0.8, cap: 1 },
  exclamation: { weight: -1.2, cap: 1 },
  veryShort: { weight: -1.5, cap: 1 },
  noFinalPunctuation: { weight: -0.5, cap: 1 },
};

const REASONS: ClaimReason[] = ['statistic', 'comparison', 'superlative', 'attribution', 'quotation', 'causal', 'prediction', 'policy'];

function logit(features: FeatureCounts): number {
  let sum = BIAS;
  for (const [name, value] of Object.entries(features) as [FeatureName, number][]) {
    const w = WEIGHTS[name];
    sum += w.weight * Math.min(value, w.cap);
  }
  return sum;
}

function reasonsOf(features: FeatureCounts): ClaimReason[] {
  const reasons = REASONS.filter((r) => (features[r] ?? 0) > 0);
  if (!reasons.includes('statistic') && (features.plainNumber ?? 0) > 0) reasons.unshift('statistic');
  return reasons;
}

export function scoreSentence(sentence: string): { score: number; reasons: ClaimReason[] } {
  const features = extractFeatures(sentence);
  const score = 1 / (1 + Math.exp(-logit(features)));
  return { score: Math.round(score * 1000) / 1000, reasons: reasonsOf(features) };
}

export function isCheckWorthy(sentence: string): boolean {
  return scoreSentence(sentence).score >= CHECK_WORTHY_THRESHOLD;
}
