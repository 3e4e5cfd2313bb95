// Word-level comparison of a saved quote with a candidate passage. Character edit distance counts "Yahoo" →
// "Xu" or "18" → "15" as a few chars out of many; for a reader those are the edits that make it another passage
// (another company, another figure). So the matcher also compares the words, and names and numbers most of all.

export interface Token {
  text: string;
  /** UTF-16 offsets into the string the token was read from, [start, end). */
  start: number;
  end: number;
  /** A number or a capitalised word (names, places, organisations, and sentence openings, which cannot be told apart). */
  key: boolean;
}

// Letters and digits, with inner apostrophes, periods and commas kept ("O'Neill", "3.9", "2,300").
const WORD = /[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const NON_DIGITS = /[^\p{N}]/gu;
const CAPITAL = /^\p{Lu}/u;

/** The words of `s` in order (case kept), each marked as key (name or number) or not. */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(WORD)) {
    const text = m[0];
    const key = DIGIT.test(text) || CAPITAL.test(text);
    tokens.push({ text, start: m.index, end: m.index + text.length, key });
  }
  return tokens;
}

/**
 * Longest common subsequence of two token lists: index pairs [i, j] with a[i] equal to b[j], in order.
 * O(|a|·|b|) time and memory; callers pass quotes and context of at most a few hundred words.
 */
export function commonSubsequence<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = equal(a[i] as T, b[j] as T)
        ? (table[(i + 1) * width + j + 1] as number) + 1
        : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i] as T, b[j] as T)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) i++;
    else j++;
  }
  return pairs;
}

/**
 * How many names and numbers of a saved quote stand replaced by other names or numbers in a candidate passage
 * ("Yahoo" → "Xu", "18" → "15"): between consecutive words the two have in common (longest common subsequence),
 * each gap counts the smaller of its key tokens on either side. Inside the quote a name dropped or a figure spelled
 * out in words ("two hundred" → "200") is no such replacement and is left to the char similarity; at either end it
 * counts (see below). An edge word cut short by an
 * approximate match boundary ("Okaf" for "Okafor") counts as the same word.
 */
export function changedKeyTokens(quote: readonly Token[], candidate: readonly Token[]): number {
  if (!quote.some((t) => t.key) || !candidate.some((t) => t.key)) return 0;
  const lastQ = quote.length - 1;
  const lastC = candidate.length - 1;
  const same = (x: Token, y: Token): boolean => {
    if (x.text === y.text) return true;
    // The same figure written another way ("12m" for "12", "2300" for "2,300") is the same figure.
    const digits = x.key && DIGIT.test(x.text) ? x.text.replace(NON_DIGITS, '') : '';
    if (digits !== '' && digits === y.text.replace(NON_DIGITS, '')) return true;
    if (x === quote[0] && y === candidate[0]) return x.text.endsWith(y.text) || y.text.endsWith(x.text);
    if (x === quote[lastQ] && y === candidate[lastC]) return x.text.startsWith(y.text) || y.text.startsWith(x.text);
    return false;
  };
  const pairs = commonSubsequence(quote, candidate, same);
  let changed = 0;
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [quote.length, candidate.length] as [number, number]]) {
    let inQuote = 0;
    let inCandidate = 0;
    for (; i < pi; i++) if (quote[i]?.key) inQuote++;
    for (; j < pj; j++) if (candidate[j]?.key) inCandidate++;
    // At either end a name missing or added is counted too: an approximate match stops short of the word that
    // differs ("powered by Mocha and" for "powered by Mocha and Chai" when the page says "and Jest").
    const edge = pi === pairs[0]?.[0] || pi === quote.length;
    changed += edge ? Math.max(inQuote, inCandidate) : Math.min(inQuote, inCandidate);
    i = pi + 1;
    j = pj + 1;
  }
  return changed;
}

/**
 * 0..1: the share of the saved context's words found, in order, in the text now next to a candidate
 * (case-insensitive). Unrelated English text shares few words in order, where a character edit distance
 * still rates it about a third alike; that chance agreement is what let a short quote settle anywhere.
 */
export function wordOverlap(saved: readonly string[], seen: readonly string[]): number {
  if (saved.length === 0) return seen.length === 0 ? 1 : 0.5;
  return commonSubsequence(saved, seen, (x, y) => x === y).length / saved.length;
}

/** The lower-cased words of `s`, for context comparison. */
export function contextWords(s: string): string[] {
  return [...s.matchAll(WORD)].map((m) => m[0].toLowerCase());
}
