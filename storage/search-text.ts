// The folded text of the notes in the "All notes" index, kept in chunks of one string each: a query token is then found
// by a few indexOf sweeps over 100 kB strings instead of one `includes` call per note (50,000 calls, ~20 ms a
// keystroke at 50,000 notes; the sweep is several times faster).

/** What a chunk needs of a note: its id, and its folded text (replaced by a slice of the chunk's string when built). */
export interface NoteText {
  readonly id: string;
  haystack: string;
  /** The chunk holding the note, set by `NoteTexts` (a field rather than a map of 50,000 entries). */
  textChunk?: unknown;
}

/** Notes per chunk: small enough that rebuilding a chunk after an edit is cheap (~120 kB of text), large enough to sweep. */
const NOTES_PER_CHUNK = 512;

/** Between two notes' texts; folded note text never holds it (see `stripSeparator`), so no match spans two notes. */
const SEPARATOR = '\u0000';

/** Text as it may enter a chunk or a query: without the separator. */
export function stripSeparator(text: string): string {
  return text.includes(SEPARATOR) ? text.split(SEPARATOR).join('') : text;
}

class Chunk<T extends NoteText> {
  readonly notes: T[] = [];
  private text: string | undefined;
  /** UTF-16 offset of each note's text in `text`, and the text's length after the last. */
  private starts: Int32Array | undefined;

  invalidate(): void {
    this.text = undefined;
    this.starts = undefined;
  }

  /**
   * One byte per note: 1 where the note's text contains `token`. After a match the sweep jumps to the next note, so a
   * token found everywhere costs one indexOf per note at most.
   */
  contains(token: string): Uint8Array {
    const { text, starts } = this.built();
    const found = new Uint8Array(this.notes.length);
    let note = 0;
    let at = text.indexOf(token);
    while (at !== -1) {
      while (starts[note + 1]! <= at) note++;
      found[note] = 1;
      const next = starts[note + 1]!;
      at = next < text.length ? text.indexOf(token, next) : -1;
    }
    return found;
  }

  private built(): { text: string; starts: Int32Array } {
    if (this.text === undefined || this.starts === undefined) {
      const starts = new Int32Array(this.notes.length + 1);
      let offset = 0;
      this.notes.forEach((note, i) => {
        starts[i] = offset;
        offset += note.haystack.length + 1;
      });
      starts[this.notes.length] = offset;
      const text = this.notes.map((note) => note.haystack).join(SEPARATOR) + SEPARATOR;
      // Each note's own copy becomes a slice of the chunk's string (V8 keeps slices as views), so the text is held once.
      this.notes.forEach((note, i) => {
        note.haystack = text.slice(starts[i]!, starts[i + 1]! - 1);
      });
      this.text = text;
      this.starts = starts;
    }
    return { text: this.text, starts: this.starts };
  }
}

/** The notes' texts in chunks, added and removed one note at a time. */
export class NoteTexts<T extends NoteText> {
  private readonly chunks: Chunk<T>[] = [];

  add(note: T): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.notes.length >= NOTES_PER_CHUNK) this.chunks.push((chunk = new Chunk<T>()));
    chunk.notes.push(note);
    chunk.invalidate();
    note.textChunk = chunk;
  }

  remove(note: T): void {
    const chunk = note.textChunk as Chunk<T> | undefined;
    if (!chunk) return;
    note.textChunk = undefined;
    const at = chunk.notes.indexOf(note);
    if (at >= 0) chunk.notes.splice(at, 1);
    chunk.invalidate();
  }

  /**
   * Calls `visit` with every note for which each token is in its text or `elsewhere(token index, note)` says it is
   * found elsewhere (its article's title). With no tokens, every note.
   */
  forEachMatch(tokens: readonly string[], elsewhere: (token: number, note: T) => boolean, visit: (note: T) => void): void {
    for (const chunk of this.chunks) {
      if (!chunk.notes.length) continue;
      const found = tokens.map((token) => chunk.contains(token));
      chunk.notes.forEach((note, i) => {
        if (found.every((inText, k) => inText[i] === 1 || elsewhere(k, note))) visit(note);
      });
    }
  }
}
