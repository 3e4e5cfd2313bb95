// The article at a glance, as data for a picture: who is quoted how often, and where claims and notes sit along the text.
import { claimBand, type ClaimBand } from '../../detect/claim-bands';
import type { PanelSnapshot } from '../../storage/api';

export interface SpeakerCount {
  speaker: string;
  claims: number;
}

/** Speakers of the detected claims with how many claims each made, most first (ties by name); unattributed claims are left out. */
export function speakerCounts(claims: PanelSnapshot['claims']): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const claim of claims) if (claim.speaker) counts.set(claim.speaker, (counts.get(claim.speaker) ?? 0) + 1);
  return [...counts]
    .map(([speaker, n]) => ({ speaker, claims: n }))
    .sort((a, b) => b.claims - a.claims || a.speaker.localeCompare(b.speaker));
}

export type MapMark =
  | { kind: 'claim'; index: number; band: ClaimBand; at: number; label: string }
  | { kind: 'note'; id: string; at: number; label: string };

/**
 * Marks along the article map: painted claims and placed notes, each at its start as a fraction (0-1) of the text's length
 * (UTF-16 offsets, as the page reports them), in reading order. Notes that could not be placed have no place on the map.
 */
export function mapMarks(
  snapshot: Pick<PanelSnapshot, 'claims' | 'positions' | 'textLength'>,
  notes: readonly { id: string; quote: string }[],
): MapMark[] {
  const length = Math.max(1, snapshot.textLength);
  const fraction = (offset: number) => Math.min(1, Math.max(0, offset / length));
  const marks: MapMark[] = [];
  for (const claim of snapshot.claims) {
    if (!claim.painted) continue;
    marks.push({ kind: 'claim', index: claim.index, band: claimBand(claim.score), at: fraction(claim.start), label: claim.text });
  }
  for (const note of notes) {
    const start = snapshot.positions[note.id];
    if (start === undefined || start === null) continue;
    marks.push({ kind: 'note', id: note.id, at: fraction(start), label: note.quote });
  }
  return marks.sort((a, b) => a.at - b.at);
}

/** Annotations in reading order by their place in the current text; ones not placed (or unknown to the page) last, newest first. */
export function inReadingOrder<T extends { id: string; createdAt: string }>(annotations: readonly T[], positions: Record<string, number | null>): T[] {
  const at = (a: T) => positions[a.id] ?? Infinity;
  return [...annotations].sort((a, b) => at(a) - at(b) || b.createdAt.localeCompare(a.createdAt));
}
