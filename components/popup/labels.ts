import type { AnnotationKind, CitationStyle, ClaimStatus } from '../../storage/types';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  highlight: 'Highlight',
  note: 'Note',
  claim: 'Claim',
  entity: 'Entity',
};

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unstarted: 'Not started',
  in_progress: 'In progress',
  inconclusive: 'Inconclusive',
  verified: 'Verified',
  false: 'False',
};

export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  mla: 'MLA (9th edition)',
  chicago: 'Chicago (author-date)',
};
