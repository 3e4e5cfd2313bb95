import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../export/backup';
import { buildLibrary, PAGE_NOTES } from '../../support/library-backup';

const PAGE_URL = 'http://127.0.0.1:4567/library-page.html';

describe('the library benchmark generator', () => {
  it('writes a backup that today’s import accepts, with the sizes asked for', async () => {
    const library = await buildLibrary(1_000, PAGE_URL);
    const parsed = parseBackup(library.json);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.annotations).toHaveLength(1_000);
    expect(parsed.articles).toHaveLength(100);
    expect(library.liveAnnotations).toBe(parsed.annotations.filter((a) => a.deletedAt === null).length);
    // Some tombstones, but most of the library is live.
    expect(library.liveAnnotations).toBeLessThan(1_000);
    expect(library.liveAnnotations).toBeGreaterThan(900);
    expect(new Set(parsed.articles.map((a) => a.siteName)).size).toBeGreaterThan(30);
  });

  it('is the same library on every call', async () => {
    const [a, b] = await Promise.all([buildLibrary(600, PAGE_URL), buildLibrary(600, PAGE_URL)]);
    expect(a.json).toBe(b.json);
    expect(a.page.html).toBe(b.page.html);
  });

  it('has claims with verdicts and a skewed tag distribution', async () => {
    const parsed = parseBackup((await buildLibrary(2_000, PAGE_URL)).json);
    if (!parsed.ok) throw new Error(parsed.error);
    const claims = parsed.annotations.filter((a) => a.kind === 'claim');
    expect(claims.length / parsed.annotations.length).toBeGreaterThan(0.1);
    expect(claims.some((c) => c.claim?.status === 'false' && c.claim.verdict !== '')).toBe(true);
    const counts = new Map<string, number>();
    for (const tag of parsed.annotations.flatMap((a) => a.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const sorted = [...counts.values()].sort((x, y) => y - x);
    expect(counts.size).toBeLessThanOrEqual(200);
    // Zipf: the most used tag is on many times more notes than the median tag.
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it('puts 500 live notes on the page, each quote at its offsets in the page’s article text', async () => {
    const library = await buildLibrary(1_000, PAGE_URL);
    const parsed = parseBackup(library.json);
    if (!parsed.ok) throw new Error(parsed.error);
    const article = parsed.articles.find((a) => a.url === library.page.url);
    expect(article?.url).toBe(PAGE_URL);
    const notes = parsed.annotations.filter((a) => a.articleId === article?.id);
    expect(notes).toHaveLength(PAGE_NOTES);
    expect(notes.every((n) => n.deletedAt === null)).toBe(true);
    const doc = new DOMParser().parseFromString(library.page.html, 'text/html');
    const text = [...doc.querySelectorAll('article p:not(.byline)')].map((p) => p.textContent).join('\n\n');
    for (const note of notes) {
      const { start, end } = note.target.position;
      expect(text.slice(start, end)).toBe(note.target.quote.exact);
      expect(text.slice(0, start).endsWith(note.target.quote.prefix)).toBe(true);
    }
  });

  it('refuses a library smaller than the page it must hold', async () => {
    await expect(buildLibrary(499, PAGE_URL)).rejects.toThrow(RangeError);
  });
});
