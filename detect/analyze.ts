import { findClaims } from './claims';
import { findEntities, groupEntities } from './entities';
import type { Claim, EntityMention, EntityRecord } from './types';

export interface Analysis {
  entities: EntityMention[];
  groups: EntityRecord[];
  claims: Claim[];
}

export interface AnalyzeOptions {
  entities: boolean;
  claims: boolean;
}

/** One pass of both detectors over an article's text; claims reuse the entity mentions to name speakers. */
export function analyzeText(text: string, options: AnalyzeOptions = { entities: true, claims: true }): Analysis {
  const entities = options.entities || options.claims ? findEntities(text) : [];
  return {
    entities: options.entities ? entities : [],
    groups: options.entities ? groupEntities(entities) : [],
    claims: options.claims ? findClaims(text, { entities }) : [],
  };
}
