// Messages between the popup and backup-parse-worker.ts.
import type { Annotation, Article } from '../../storage/types';

/** Records per message back to the popup: decoding 250 records is a few milliseconds (1,000 took up to 260 ms in a busy Chromium). */
export const PARSED_CHUNK = 250;

export interface ToParser {
  file: File;
}

export type FromParser =
  | { type: 'progress'; done: number; total: number }
  | { type: 'articles'; rows: Article[] }
  | { type: 'annotations'; rows: Annotation[] }
  | { type: 'done'; exportedAt: string }
  /** The file is not a backup this version can import; `error` says why, for the reader. */
  | { type: 'rejected'; error: string }
  /** A bug or a browser failure (the file could not be read). */
  | { type: 'failed'; message: string };
