// We store UTF-16 offsets (what the DOM gives); the W3C TextPositionSelector counts Unicode code points.
// They differ after every character outside the Basic Multilingual Plane (emoji, 𝒳, many CJK extension characters).
import type { Annotation } from '../storage/types';

export interface CodePointRange {
  start: number;
  end: number;
}

export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    count += 1;
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i += 1;
  }
  return count;
}

/** Code-point offset of a UTF-16 offset, or undefined when it is outside the text or splits a surrogate pair. */
export function codePointOffset(text: string, utf16Offset: number): number | undefined {
  if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > text.length) return undefined;
  if (isLowSurrogate(text.charCodeAt(utf16Offset)) && isHighSurrogate(text.charCodeAt(utf16Offset - 1))) return undefined;
  return countCodePoints(text.slice(0, utf16Offset));
}

/**
 * The annotation's range in code points, when the data can prove it:
 * - from the article text, if given and still holding the quote at the stored offsets;
 * - otherwise from the stored prefix, when the prefix reaches back to the very start of the text
 *   (annotations near the top of an article), because then it is exactly the text before the quote.
 * Anything else would be a guess, and a wrong position is worse than none.
 */
export function codePointRange(annotation: Annotation, articleText?: string): CodePointRange | undefined {
  const { quote, position } = annotation.target;
  if (articleText !== undefined && articleText.slice(position.start, position.end) === quote.exact) {
    const start = codePointOffset(articleText, position.start);
    const end = codePointOffset(articleText, position.end);
    if (start !== undefined && end !== undefined) return { start, end };
  }
  if (quote.prefix.length === position.start && position.end - position.start === quote.exact.length) {
    const start = countCodePoints(quote.prefix);
    return { start, end: start + countCodePoints(quote.exact) };
  }
  return undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
