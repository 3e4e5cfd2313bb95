// A long export's text, gathered a piece at a time into Blobs of about a megabyte. A 50,000-note backup is 50 million
// characters: joining it into one string, or encoding one string into a Blob for the download, is a single step of
// 100-400 ms (measured in Node here, tests/perf/transfer.perf.ts); a Blob made of Blobs only references them.

/** Characters joined and encoded at a time: a few milliseconds of work. */
const CHUNK_CHARS = 1_000_000;
/** Bytes gathered before they become a Blob: a Blob of thousands of small parts costs more to read than one of a few. */
const CHUNK_BYTES = 1_000_000;

/**
 * Parts gathered until about `limit` (in `sizeOf` units), then made into one Blob; the output is a Blob of those Blobs.
 * `combine` turns the gathered parts into what one Blob is made of.
 */
class ChunkedBlobWriter<P> {
  private pending: P[] = [];
  private pendingSize = 0;
  private readonly chunks: Blob[] = [];

  constructor(
    private readonly limit: number,
    private readonly sizeOf: (part: P) => number,
    private readonly combine: (parts: P[]) => BlobPart[],
  ) {}

  /** Appends a part (kept by reference until the next Blob is made, so the caller must not change it). */
  write(part: P): void {
    this.pending.push(part);
    this.pendingSize += this.sizeOf(part);
    if (this.pendingSize >= this.limit) this.flush();
  }

  /** Everything written so far, as one Blob of the given MIME type. */
  toBlob(type: string): Blob {
    this.flush();
    return new Blob(this.chunks, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(new Blob(this.combine(this.pending)));
    this.pending = [];
    this.pendingSize = 0;
  }
}

/** Text, written as UTF-8 (like every Blob of strings), joined a megabyte of characters at a time. */
export class TextBlobWriter extends ChunkedBlobWriter<string> {
  constructor() {
    super(CHUNK_CHARS, (text) => text.length, (texts) => [texts.join('')]);
  }
}

/** Bytes of the output as they come (a zip's compressed entries), kept as Blobs of about a megabyte. */
export class BytesBlobWriter extends ChunkedBlobWriter<Uint8Array> {
  constructor() {
    super(CHUNK_BYTES, (bytes) => bytes.length, (parts) => parts as BlobPart[]);
  }
}
