// Check-worthiness of one sentence: the learned model of claim-model.ts (weights in claim-model.json, trained by
// `npm run train:claims`), with the reasons taken from the cues that pushed the score up the most.

import { CHECK_WORTHY_THRESHOLD } from './claim-bands';
import { extractFeatures, hashedFeatures, type FeatureName } from './claim-features';
import { calibrate, loadClaimModel, margin } from './claim-model';
import modelFile from './claim-model.json';
import type { ClaimReason } from './types';

export { CHECK_WORTHY_THRESHOLD };

const model = loadClaimModel(modelFile);

/** Which reader-facing reason each cue supports; cues without one (length, capitalised words) explain nothing alone. */
const REASON_OF: Partial<Record<FeatureName, ClaimReason>> = {
  statistic: 'statistic',
  plainNumber: 'statistic',
  comparison: 'comparison',
  changeVerb: 'trend',
  superlative: 'superlative',
  firstOrEver: 'superlative',
  attribution: 'attribution',
  reportedClause: 'attribution',
  quotation: 'quotation',
  causal: 'causal',
  prediction: 'prediction',
  policy: 'policy',
  completedEvent: 'event',
  timeAnchor: 'event',
};

/** At most this many reasons: a card lists the strongest few, not every weak signal. */
const MAX_REASONS = 3;

export interface SentenceScore {
  /** Calibrated probability in [0, 1] that the sentence is a check-worthy claim, rounded to 3 decimals. */
  score: number;
  /** The reasons whose evidence raised the score, strongest first (empty when nothing did). */
  reasons: ClaimReason[];
}

/**
 * Scores one sentence (any length; UTF-16 text). The reasons are the cues with the largest positive contribution to
 * the model's margin, merged by reason; `wording` (the hashed word and word-pair features together) comes last, when
 * the words raised the score and fewer than `MAX_REASONS` cues did, because a named cue tells a reader more.
 */
export function scoreSentence(sentence: string): SentenceScore {
  const cues = extractFeatures(sentence);
  const m = margin(model, cues, hashedFeatures(sentence, model.hashBits));
  const byReason = new Map<ClaimReason, number>();
  for (const name in m.cueTerms) {
    const reason = REASON_OF[name as FeatureName];
    const term = m.cueTerms[name as FeatureName]!;
    if (reason && term > 0) byReason.set(reason, (byReason.get(reason) ?? 0) + term);
  }
  const reasons = [...byReason.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_REASONS)
    .map(([reason]) => reason);
  if (m.wordTerms > 0 && reasons.length < MAX_REASONS) reasons.push('wording');
  return { score: Math.round(calibrate(model, m.margin, cues) * 1000) / 1000, reasons };
}

/** True when the sentence's calibrated score reaches the `medium` band floor (`CHECK_WORTHY_THRESHOLD`). */
export function isCheckWorthy(sentence: string): boolean {
  return scoreSentence(sentence).score >= CHECK_WORTHY_THRESHOLD;
}
