// Filter-then-verify for the whole-text fuzzy search. Approximate matching over a long article costs
// milliseconds per quote, and a page whose text changed completely would pay it for every annotation.
// Instead, the words of the quote and its context vote for where the passage could start, and only
// those stretches are searched. A passage that kept none of its words would be an orphan anyway.

export interface WordIndex {
  /** Start offsets of each lower-cased word in the text. */
  positions: Map<string, number[]>;
  length: number;
}

export interface Stretch {
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]{3,}/gu;
/** Words more frequent than this say little about where a passage is and cost many votes. */
const MAX_OCCURRENCES = 40;
const BUCKET = 32;

export function indexWords(text: string): WordIndex {
  const positions = new Map<string, number[]>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const list = positions.get(word);
    if (list) list.push(m.index);
    else positions.set(word, [m.index]);
  }
  return { positions, length: text.length };
}

/**
 * Stretches of the text worth searching for `pattern` (quote plus context), or null when all its words are
 * common ones that cannot vote and the whole text must be searched. Words absent from the text still
 * count towards the votes needed: they are the edited ones.
 * @param slack how far a match may stretch or shrink relative to the pattern, in chars
 */
export function stretchesFor(index: WordIndex, pattern: string, slack: number): Stretch[] | null {
  const votes = new Map<number, number>();
  let voters = 0;
  for (const m of pattern.matchAll(WORD)) {
    const found = index.positions.get(m[0].toLowerCase());
    if (found && found.length > MAX_OCCURRENCES) continue;
    voters++;
    if (!found) continue;
    for (const at of found) {
      const bucket = Math.floor((at - m.index) / BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  if (voters === 0) return null;
  // Neighbouring buckets vote together: an edit before a word moves its vote by a few chars.
  const needed = Math.max(1, Math.floor(voters * 0.2));
  const starts: number[] = [];
  for (const [bucket, count] of votes) {
    const together = count + (votes.get(bucket - 1) ?? 0) + (votes.get(bucket + 1) ?? 0);
    if (together >= needed) starts.push(bucket * BUCKET);
  }
  starts.sort((a, b) => a - b);
  const stretches: Stretch[] = [];
  for (const start of starts) {
    const from = Math.max(0, start - slack - BUCKET);
    const to = Math.min(index.length, start + pattern.length + slack + 2 * BUCKET);
    const last = stretches[stretches.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else stretches.push({ from, to });
  }
  return stretches;
}
