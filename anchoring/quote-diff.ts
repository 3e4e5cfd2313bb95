// What changed between a note's saved quote and the text it was re-anchored on, word by word, for showing the
// reader (old words struck through, new words marked). Pure: no DOM, no extension code.
import { commonSubsequence } from './tokens';

export interface DiffPart {
  /** 'same': in both; 'removed': only in the saved quote; 'added': only in the text now on the page. */
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words with the whitespace after them, so the parts joined back give the original strings exactly. */
function pieces(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? [];
}

/** Longest inputs compared word by word; past this (a rewritten long passage) the two are shown whole. */
const MAX_WORDS = 2000;

/**
 * Word-level diff of `before` (the saved quote) against `after` (the text now at the note's place), by longest
 * common subsequence of words (whitespace ignored for matching). Joining the 'same' and 'removed' parts gives
 * `before`; joining 'same' and 'added' gives `after`. Adjacent parts of one kind are merged.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = pieces(before);
  const b = pieces(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    push('removed', before);
    push('added', after);
    return parts;
  }
  const pairs = commonSubsequence(a, b, (x, y) => x.trim() === y.trim());
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    push('removed', a.slice(i, pi).join(''));
    push('added', b.slice(j, pj).join(''));
    // The word is the same; keep the spacing the page has now.
    push('same', b[pj] as string);
    i = pi + 1;
    j = pj + 1;
  }
  push('removed', a.slice(i).join(''));
  push('added', b.slice(j).join(''));
  return parts;
}
