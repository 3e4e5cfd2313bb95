// Turns what an export covers (read page by page from its source) into the files the reader downloads, one entry per format offered in the popup.
// Exporters are loaded on first use: citation-js and its style files alone outweigh the rest of the popup, and most
// openings export nothing. Every format is built in slices (export/slices.ts) so thousands of notes never freeze the
// popup: progress is reported and the reader can cancel.
import type { SliceOptions } from '../../export/slices';
import type { ExportSource } from '../../export/source';
import type { CitationStyle, ReviewerOrganization } from '../../storage/types';
import type { DownloadFile } from '../shared/download';
import type { ReferenceFormatter } from '../../export/markdown';

export const EXPORT_FORMATS = [
  { key: 'markdown', label: 'Markdown (one file)' },
  { key: 'markdown-files', label: 'Markdown (one file per article, in a .zip)' },
  { key: 'csv', label: 'CSV (Readwise)' },
  { key: 'backup', label: 'JSON backup (everything, for import)' },
  { key: 'web-annotation', label: 'W3C Web Annotation (JSON-LD)' },
  { key: 'claim-review', label: 'ClaimReview (finished fact checks)' },
  { key: 'bibtex', label: 'BibTeX (citations)' },
  { key: 'csl-json', label: 'CSL-JSON (Zotero)' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key'];

export interface ExportSettings {
  citationStyle: CitationStyle;
  reviewer: ReviewerOrganization;
  /** Formats Markdown references (PopupServices.formatReferences); without it they are formatted on this thread. */
  references?: ReferenceFormatter;
}

function one(fileName: string, content: DownloadFile['content'], mimeType: string): DownloadFile[] {
  return [{ fileName, content, mimeType }];
}

/**
 * The files for one export. `slices` carries progress (records or articles done) and cancellation: a cancelled export
 * rejects with an AbortError (see isCancelled in export/slices.ts).
 */
export async function buildExportFiles(
  format: ExportFormat,
  source: ExportSource,
  scope: string,
  now: Date,
  settings: ExportSettings,
  slices: SliceOptions = {},
): Promise<DownloadFile[]> {
  const { exportFileName } = await import('../../export/file-names');
  const markdownOptions = { citationStyle: settings.citationStyle, ...(settings.references ? { references: settings.references } : {}) };
  switch (format) {
    case 'markdown': {
      const { toMarkdownInSlices } = await import('../../export/markdown');
      return one(exportFileName('markdown', scope, now), await toMarkdownInSlices(source, markdownOptions, slices), 'text/markdown');
    }
    case 'markdown-files': {
      const { toMarkdownZip } = await import('../../export/markdown');
      return one(exportFileName('markdown-files', scope, now), await toMarkdownZip(source, markdownOptions, slices), 'application/zip');
    }
    case 'csv': {
      const { toCsvInSlices } = await import('../../export/csv');
      return one(exportFileName('csv', scope, now), await toCsvInSlices(source, slices), 'text/csv');
    }
    case 'backup': {
      const { toBackupJsonInSlices } = await import('../../export/backup');
      return one(exportFileName('backup', scope, now), await toBackupJsonInSlices(source, slices), 'application/json');
    }
    case 'web-annotation': {
      const { toWebAnnotationJsonInSlices } = await import('../../export/web-annotation');
      return one(exportFileName('web-annotation', scope, now), await toWebAnnotationJsonInSlices(source, {}, slices), 'application/ld+json');
    }
    case 'claim-review': {
      const { toClaimReviewJsonInSlices } = await import('../../export/claim-review');
      const json = await toClaimReviewJsonInSlices(source, { reviewer: settings.reviewer }, slices);
      return one(exportFileName('claim-review', scope, now), json, 'application/ld+json');
    }
    case 'bibtex': {
      const { toBibtexFileInSlices } = await import('../../export/citation');
      return one(exportFileName('bibtex', scope, now), await toBibtexFileInSlices(source, now, slices), 'application/x-bibtex');
    }
    case 'csl-json': {
      const { toCslJsonFileInSlices } = await import('../../export/citation');
      return one(exportFileName('csl-json', scope, now), await toCslJsonFileInSlices(source, now, slices), 'application/json');
    }
  }
}
