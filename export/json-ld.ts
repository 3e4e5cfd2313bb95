// JSON-LD is meant to be pasted into a page inside <script type="application/ld+json">. The HTML parser ends that
// element at the first "</script", whatever the JSON means, and "<!--" changes how it is read; page text (a claimant's
// name, a quote) must not be able to do either. JSON allows any character as a \u escape, so `<`, `>` and `&` are
// written that way (as other JSON-in-HTML serialisers do); U+2028/U+2029 too, which older JavaScript parsers reject.
import { TextBlobWriter } from './output';

const HTML_SENSITIVE = /[<>&\u2028\u2029]/g;

/** `text` (JSON) with the HTML-sensitive characters written as \u escapes; one character at a time, so text can be escaped in pieces. */
function escapeForHtml(text: string): string {
  return text.replace(HTML_SENSITIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Pretty-printed JSON (two-space indent, trailing newline) that is safe inside an HTML script element. */
export function toJsonLd(value: unknown): string {
  return `${escapeForHtml(JSON.stringify(value, null, 2))}\n`;
}

/** Stands for the array in the value JsonLdArrayWriter wraps around it: no other field of that value holds it. */
const ITEMS = '\u0000items\u0000';
const ITEMS_JSON = JSON.stringify(ITEMS);

/**
 * Writes toJsonLd of a value holding one long array an item at a time, into ~1 MB Blobs (export/output.ts): the whole
 * value is never stringified in one step (48,000 annotations are ~50 MB of JSON, 100s of ms in one task).
 * Each item is stringified on its own and indented to its depth: JSON.stringify writes a line break inside a string as
 * \n, so every line break in its output is between tokens, and an item's text indented by the array's depth is exactly
 * that item's part of the whole.
 */
export class JsonLdArrayWriter {
  private readonly body = new TextBlobWriter();
  private count = 0;
  /** The indent of the array's items (the array's own line indent and two spaces). */
  private readonly itemIndent: string;

  /**
   * `wrap(items, count)` builds the value around the array, given the array's stand-in and its final length (fields
   * such as a total may depend on it); it must place `items` exactly once, at the same depth whatever `count`.
   * Throws a TypeError when it does not.
   */
  constructor(private readonly wrap: (items: unknown, count: number) => unknown) {
    this.itemIndent = this.around(0).indent;
  }

  /** Appends one item of the array. */
  push(item: unknown): void {
    const text = JSON.stringify(item, null, 2).replace(/\n/g, `\n${this.itemIndent}`);
    this.body.write(escapeForHtml(`${this.count === 0 ? '' : ','}\n${this.itemIndent}${text}`));
    this.count++;
  }

  /** The file, the same text as toJsonLd of the value with all the items pushed, as a Blob of the given MIME type. */
  toBlob(type: string): Blob {
    const { head, tail, indent } = this.around(this.count);
    if (indent !== this.itemIndent) throw new TypeError('wrap must place the items at the same depth whatever their count.');
    if (this.count === 0) return new Blob([escapeForHtml(`${head}[]${tail}`), '\n'], { type });
    return new Blob([escapeForHtml(`${head}[`), this.body.toBlob(type), escapeForHtml(`\n${indent.slice(2)}]${tail}`), '\n'], { type });
  }

  /** The text before and after the array in the wrapped value, and the indent of the array's items. */
  private around(count: number): { head: string; tail: string; indent: string } {
    const whole = JSON.stringify(this.wrap(ITEMS, count), null, 2);
    const at = whole.indexOf(ITEMS_JSON);
    if (at < 0 || whole.includes(ITEMS_JSON, at + 1)) throw new TypeError('wrap must place the items exactly once.');
    const lineStart = whole.lastIndexOf('\n', at) + 1;
    const lineIndent = /^ */.exec(whole.slice(lineStart))?.[0] ?? '';
    return { head: whole.slice(0, at), tail: whole.slice(at + ITEMS_JSON.length), indent: `${lineIndent}  ` };
  }
}
