// Check-worthy claims in article text: sentences that assert something verifiable and public,
// with the reasons they were picked and, where the text says so, who made them.

import { claimBand } from './claim-bands';
import { resolveSpeakers, type SpeakerEntity } from './claim-speakers';
import { hasDirectQuote } from './claim-quotes';
import { CHECK_WORTHY_THRESHOLD, isCheckWorthy, scoreSentence } from './claim-score';
import { findEntities, groupEntities } from './entities';
import { splitSentences } from './sentences';
import type { Claim, EntityMention } from './types';

export { CHECK_WORTHY_THRESHOLD, isCheckWorthy, scoreSentence };

export interface FindClaimsOptions {
  /** Mentions already found in the same text; saves running the entity detector twice. */
  entities?: EntityMention[];
}

function entityLookup(mentions: EntityMention[]): (m: EntityMention) => SpeakerEntity {
  const byId = new Map<string, SpeakerEntity>();
  for (const group of groupEntities(mentions)) byId.set(group.entityId, { canonical: group.canonical, type: group.type });
  return (m) => byId.get(m.entityId) ?? { canonical: m.text, type: m.type };
}

/**
 * Check-worthy claims in `text`, in text order: every sentence (see `splitSentences`) whose calibrated score reaches
 * `CHECK_WORTHY_THRESHOLD`, with its band, its rank among the article's claims (1 = most check-worthy), the reasons in
 * plain terms and, where the text names one, its speaker. Offsets are UTF-16 indices into `text`.
 * Runs `findEntities` for speakers unless `options.entities` is given.
 */
export function findClaims(text: string, options: FindClaimsOptions = {}): Claim[] {
  const sentences = splitSentences(text);
  const scored = sentences.map((s) => scoreSentence(s.text));
  if (!scored.some((x) => x.score >= CHECK_WORTHY_THRESHOLD)) return [];
  const mentions = [...(options.entities ?? findEntities(text))].sort((a, b) => a.start - b.start);
  const speakers = resolveSpeakers({ text, sentences, mentions, entityOf: entityLookup(mentions) });
  const claims: Claim[] = [];
  sentences.forEach((s, i) => {
    const { score, reasons } = scored[i]!;
    if (score < CHECK_WORTHY_THRESHOLD) return;
    const claim: Claim = {
      start: s.start,
      end: s.end,
      text: s.text,
      score,
      band: claimBand(score),
      rank: 0,
      reasons,
      quoted: hasDirectQuote(s.text),
    };
    const speaker = speakers[i];
    if (speaker) claim.speaker = speaker;
    claims.push(claim);
  });
  // Stable sort: equal scores keep text order, so ranks never depend on engine quirks.
  [...claims].sort((a, b) => b.score - a.score).forEach((claim, i) => (claim.rank = i + 1));
  return claims;
}
