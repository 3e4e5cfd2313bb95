// Messages between the popup and reference-worker.ts.
import type { CslItem } from '../../export/citation';
import type { CitationStyle } from '../../storage/types';

export interface ToReferences {
  /** Matches the reply to its request. */
  id: number;
  style: CitationStyle;
  items: CslItem[];
}

export type FromReferences = { id: number; ok: true; references: string[] } | { id: number; ok: false; message: string };
