// JSON-LD is meant to be pasted into a page inside <script type="application/ld+json">. The HTML parser ends that
// element at the first "</script", whatever the JSON means, and "<!--" changes how it is read; page text (a claimant's
// name, a quote) must not be able to do either. JSON allows any character as a \u escape, so `<`, `>` and `&` are
// written that way (as other JSON-in-HTML serialisers do); U+2028/U+2029 too, which older JavaScript parsers reject.

const HTML_SENSITIVE = /[<>&\u2028\u2029]/g;

/** Pretty-printed JSON (two-space indent, trailing newline) that is safe inside an HTML script element. */
export function toJsonLd(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(HTML_SENSITIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
