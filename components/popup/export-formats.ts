// Turns an export bundle into the files the reader downloads, one entry per format offered in the popup.
// Exporters are loaded on first use: citation-js alone outweighs the rest of the popup, and most openings export nothing.
import type { ExportBundle } from '../../export/bundle';
import type { DownloadFile } from '../shared/download';

export const EXPORT_FORMATS = [
  { key: 'markdown', label: 'Markdown (one file)' },
  { key: 'markdown-files', label: 'Markdown (one file per article)' },
  { key: 'csv', label: 'CSV (Readwise)' },
  { key: 'backup', label: 'JSON backup (everything, for import)' },
  { key: 'web-annotation', label: 'W3C Web Annotation (JSON-LD)' },
  { key: 'claim-review', label: 'ClaimReview (fact checks with a verdict)' },
  { key: 'bibtex', label: 'BibTeX (citations)' },
  { key: 'csl-json', label: 'CSL-JSON (Zotero)' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key'];

/** Articles a citation export is about: those with live annotations in the bundle, or every live article when none has any. */
function citedArticles(bundle: ExportBundle) {
  const annotated = new Set(bundle.annotations.filter((a) => !a.deletedAt).map((a) => a.articleId));
  const live = bundle.articles.filter((a) => !a.deletedAt);
  const withNotes = live.filter((a) => annotated.has(a.id));
  return withNotes.length ? withNotes : live;
}

function one(fileName: string, content: string, mimeType: string): DownloadFile[] {
  return [{ fileName, content, mimeType }];
}

export async function buildExportFiles(format: ExportFormat, bundle: ExportBundle, scope: string, now: Date): Promise<DownloadFile[]> {
  const { exportFileName } = await import('../../export/file-names');
  switch (format) {
    case 'markdown': {
      const { toMarkdown } = await import('../../export/markdown');
      return one(exportFileName('markdown', scope, now), toMarkdown(bundle), 'text/markdown');
    }
    case 'markdown-files': {
      const { toMarkdownFiles } = await import('../../export/markdown');
      return toMarkdownFiles(bundle).map((file) => ({ ...file, mimeType: 'text/markdown' }));
    }
    case 'csv': {
      const { toCsv } = await import('../../export/csv');
      return one(exportFileName('csv', scope, now), toCsv(bundle), 'text/csv');
    }
    case 'backup': {
      const { toBackupJson } = await import('../../export/backup');
      return one(exportFileName('backup', scope, now), toBackupJson(bundle), 'application/json');
    }
    case 'web-annotation': {
      const { toWebAnnotationJson } = await import('../../export/web-annotation');
      return one(exportFileName('web-annotation', scope, now), toWebAnnotationJson(bundle), 'application/ld+json');
    }
    case 'claim-review': {
      const { toClaimReviewJson } = await import('../../export/claim-review');
      return one(exportFileName('claim-review', scope, now), toClaimReviewJson(bundle), 'application/ld+json');
    }
    case 'bibtex': {
      const { toBibtex } = await import('../../export/citation');
      const entries = citedArticles(bundle).map((article) => toBibtex(article, now));
      return one(exportFileName('bibtex', scope, now), entries.join('\n\n'), 'application/x-bibtex');
    }
    case 'csl-json': {
      const { toCslJson } = await import('../../export/citation');
      const items = citedArticles(bundle).map((article) => toCslJson(article, now));
      return one(exportFileName('csl-json', scope, now), JSON.stringify(items, null, 2), 'application/json');
    }
  }
}
