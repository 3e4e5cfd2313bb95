// URL text fragments (#:~:text=...): browsers that support them scroll to and mark the quoted text.
// Long quotes use the textStart,textEnd form so the link stays short and survives small edits in the middle.

const MAX_WORDS_IN_FULL = 8;
const EDGE_WORDS = 4;

export function textFragmentUrl(pageUrl: string, quote: string): string {
  const base = pageUrl.replace(/#.*$/, '');
  const words = quote.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return base;
  const directive =
    words.length <= MAX_WORDS_IN_FULL
      ? encodeTextDirective(words.join(' '))
      : `${encodeTextDirective(words.slice(0, EDGE_WORDS).join(' '))},${encodeTextDirective(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

/** The directive's own syntax characters (- , &) must be encoded inside a term, on top of URI escaping. */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}
