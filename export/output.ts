// A long export's text, gathered a piece at a time into Blobs of about a megabyte. A 50,000-note backup is 50 million
// characters: joining it into one string, or encoding one string into a Blob for the download, is a single step of
// 100-400 ms (measured in Node here, tests/perf/transfer.perf.ts); a Blob made of Blobs only references them.

/** Characters joined and encoded at a time: a few milliseconds of work. */
const CHUNK_CHARS = 1_000_000;
/** Bytes gathered before they become a Blob: a Blob of thousands of small parts costs more to read than one of a few. */
const CHUNK_BYTES = 1_000_000;

export class TextBlobWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly chunks: Blob[] = [];

  /** Appends text (written as UTF-8, like every Blob of strings). */
  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  /** Everything written so far, as one Blob of the given MIME type. */
  toBlob(type: string): Blob {
    this.flush();
    return new Blob(this.chunks, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(new Blob([this.pending.join('')]));
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** Bytes of the output as they come (a zip's compressed entries), kept as Blobs of about a megabyte. */
export class BytesBlobWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly chunks: Blob[] = [];

  /** Appends the bytes; they are read when the next Blob is made, so the caller must not change them. */
  write(bytes: Uint8Array): void {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= CHUNK_BYTES) this.flush();
  }

  /** Everything written so far, as one Blob of the given MIME type. */
  toBlob(type: string): Blob {
    this.flush();
    return new Blob(this.chunks, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
