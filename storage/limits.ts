// One table of limits for every field that arrives from outside: a content script's message or an imported backup
// apply the same numbers, so a note saved from the page can always be exported and imported again.
// Lengths are in UTF-16 code units (JavaScript string length); list sizes in items.
export const LIMITS = {
  /** URLs: browsers handle far longer, but no article address needs more. */
  url: 4096,
  title: 1000,
  siteName: 300,
  author: 300,
  authors: 50,
  /** SHA-256 hex is 64; room for another digest later. */
  textHash: 128,
  /** Published/modified dates as the page wrote them (ISO or not). */
  date: 100,
  /** BCP 47 tags are at most 35 characters (RFC 5646 §4.4.1). */
  lang: 35,
  quote: 20_000,
  /** Prefix and suffix of a TextQuoteSelector. */
  context: 2000,
  note: 50_000,
  tag: 100,
  tags: 100,
  verdict: 200,
  evidence: 100,
  evidenceNote: 2000,
  claimant: 500,
  /** Text offsets (UTF-16) of a TextPositionSelector. */
  position: 100_000_000,
  /** Anchor reports in one message: one per annotation of an article. */
  anchorReports: 20_000,
  /** Text sent for detection (UTF-16 code units): above the page room's 600,000-character cut. */
  analyzedText: 2_000_000,
  /** ISO times and UUIDs are short; this only bounds the work done on a hostile value. */
  token: 64,
} as const;
