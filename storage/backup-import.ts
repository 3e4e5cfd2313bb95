// Merges a parsed JSON backup into the database. The file was fully validated by export/backup.ts parseBackup;
// here we only decide, row by row, which version wins, and write everything in one transaction so an error
// (quota, a constraint) leaves the database exactly as it was.
import type { NewsLensDb } from './db';
import type { Annotation, Article, Synced } from './types';

export interface ParsedBackup {
  articles: readonly Article[];
  annotations: readonly Annotation[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  /** The stored row was as new or newer, so it was kept. */
  kept: number;
}

export interface ImportCounts {
  articles: MergeCounts;
  annotations: MergeCounts;
}

function emptyCounts(): MergeCounts {
  return { added: 0, updated: 0, kept: 0 };
}

/** Newer `updatedAt` wins; on a tie the stored row stays, so importing the same file twice changes nothing. */
function incomingWins(stored: Synced, incoming: Synced): boolean {
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}

export async function importBackup(db: NewsLensDb, parsed: ParsedBackup): Promise<ImportCounts> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const counts: ImportCounts = { articles: emptyCounts(), annotations: emptyCounts() };
    // The same article saved in another profile has another id but the same normalised URL (a unique index):
    // such articles merge into the stored row, and their annotations follow it.
    const articleIdMap = new Map<string, string>();
    const pendingByUrl = new Map<string, Article>();
    for (const incoming of parsed.articles) {
      const stored =
        pendingByUrl.get(incoming.url) ??
        (await db.articles.get(incoming.id)) ??
        (await db.articles.where('url').equals(incoming.url).first());
      if (!stored) {
        pendingByUrl.set(incoming.url, incoming);
        counts.articles.added++;
        continue;
      }
      if (stored.id !== incoming.id) articleIdMap.set(incoming.id, stored.id);
      if (incomingWins(stored, incoming)) {
        const wasPending = pendingByUrl.has(stored.url);
        pendingByUrl.delete(stored.url);
        pendingByUrl.set(incoming.url, { ...incoming, id: stored.id });
        if (!wasPending) counts.articles.updated++;
      } else {
        counts.articles.kept++;
      }
    }
    await db.articles.bulkPut([...pendingByUrl.values()]);

    const annotations = parsed.annotations.map((a) => {
      const articleId = articleIdMap.get(a.articleId) ?? a.articleId;
      return articleId === a.articleId ? a : { ...a, articleId };
    });
    const storedAnnotations = await db.annotations.bulkGet(annotations.map((a) => a.id));
    const annotationWrites: Annotation[] = [];
    annotations.forEach((incoming, i) => {
      const stored = storedAnnotations[i];
      if (!stored) {
        annotationWrites.push(incoming);
        counts.annotations.added++;
      } else if (incomingWins(stored, incoming)) {
        annotationWrites.push(incoming);
        counts.annotations.updated++;
      } else {
        counts.annotations.kept++;
      }
    });
    await db.annotations.bulkPut(annotationWrites);
    return counts;
  });
}
