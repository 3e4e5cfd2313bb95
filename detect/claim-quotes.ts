// Direct-quote spans in one sentence or paragraph. Handles curly and straight double quotes and the
// British single-quote style (‘…’), where ’ is also the apostrophe: it only closes a quote when no letter follows.

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index after the closing mark, or the text's length when the quote runs on (multi-paragraph quotes). */
  end: number;
  closed: boolean;
}

const OPENS_AFTER = /[\s([{—–\-“"]/u;

export function quoteSpans(s: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { start: number; close: string } | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (open) {
      const closes =
        ch === open.close && (ch !== '’' || !/\p{L}/u.test(s.charAt(i + 1)));
      if (closes) {
        spans.push({ start: open.start, end: i + 1, closed: true });
        open = undefined;
      }
      continue;
    }
    if (ch === '“') open = { start: i, close: '”' };
    else if (ch === '"') open = { start: i, close: '"' };
    else if (ch === '‘' && (i === 0 || OPENS_AFTER.test(s.charAt(i - 1)))) open = { start: i, close: '’' };
  }
  if (open) spans.push({ start: open.start, end: s.length, closed: false });
  return spans;
}

/** Multi-word direct quotes; a single word in quotes is a scare quote, not something someone said. */
export function hasDirectQuote(s: string): boolean {
  return quoteSpans(s).some((q) => q.closed && /\S\s+\S/u.test(s.slice(q.start + 1, q.end - 1)));
}

export function hasOpenQuote(s: string): boolean {
  return quoteSpans(s).some((q) => !q.closed);
}
