import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, parseBackup, parseBackupInSlices, toBackupJson, toBackupJsonInSlices } from '../../../export/backup';
import type { ExportBundle } from '../../../export/bundle';
import type { Annotation } from '../../../storage/types';
import { budgetArticle, cyrillicArticle, deletedHighlight, emojiHighlight, tokyoHighlight, unemploymentClaim } from '../../fixtures/export/sample-data';
import { readExportFixture } from '../../support/read-fixture';
import { bundleSource } from '../../../export/source';

const exportedAt = '2025-03-08T12:00:00.000Z';
const safeClaim: Annotation = {
  ...unemploymentClaim,
  claim: { ...unemploymentClaim.claim!, evidence: [{ url: 'https://stats.example.gov/release?q=3', note: 'Official release' }] },
};
const smallBundle: ExportBundle = { articles: [budgetArticle], annotations: [deletedHighlight, safeClaim], exportedAt };

/** Field order as Dexie might hand it back after an import: reversed. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

function validFile(): Record<string, any> {
  return JSON.parse(toBackupJson(smallBundle));
}

function errorOf(file: unknown): string {
  const result = parseBackup(typeof file === 'string' ? file : JSON.stringify(file));
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
}

describe('toBackupJson', () => {
  it('matches the hand-written backup, tombstones included', () => {
    expect(toBackupJson(smallBundle)).toBe(readExportFixture('expected-backup.json'));
  });

  it('does not depend on record order or field order', () => {
    const shuffled = { ...smallBundle, annotations: reversedKeys([safeClaim, deletedHighlight]), articles: reversedKeys([budgetArticle]) };
    expect(toBackupJson(shuffled)).toBe(toBackupJson(smallBundle));
  });

  it('round-trips byte for byte: export, wipe, import, export', () => {
    const bundle: ExportBundle = {
      articles: [cyrillicArticle, budgetArticle],
      annotations: [emojiHighlight, safeClaim, deletedHighlight, { ...tokyoHighlight, anchor: { quality: 'changed', confidence: 0.75, checkedAt: exportedAt } }],
      exportedAt,
    };
    const first = toBackupJson(bundle);
    const parsed = parseBackup(first);
    if (!parsed.ok) throw new Error(parsed.error);
    // What a database would hand back after the import: other field order, other record order.
    const reloaded = { articles: reversedKeys(parsed.articles).reverse(), annotations: reversedKeys(parsed.annotations).reverse() };
    expect(parsed.exportedAt).toBe(exportedAt);
    expect(toBackupJson({ ...reloaded, exportedAt: parsed.exportedAt })).toBe(first);
  });
});

describe('parseBackup', () => {
  it('returns the records of a valid file', () => {
    const result = parseBackup(readExportFixture('expected-backup.json'));
    expect(result).toEqual({ ok: true, articles: [budgetArticle], annotations: [safeClaim, deletedHighlight], exportedAt });
  });

  it('accepts a byte order mark in front', () => {
    expect(parseBackup('\uFEFF' + toBackupJson(smallBundle)).ok).toBe(true);
  });

  it('drops fields it does not know instead of importing them', () => {
    const file = validFile();
    file.articles[0].__proto__ = { polluted: true };
    file.annotations[0].script = '<script>';
    const result = parseBackup(JSON.stringify(file));
    if (!result.ok) throw new Error(result.error);
    expect(Object.keys(result.annotations[0]!)).not.toContain('script');
    expect((result.articles[0] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['malformed JSON', '{"format": newslens}', 'The file is not valid JSON: '],
    ['a truncated file', toBackupJson(smallBundle).slice(0, 300), 'The file is cut off'],
    ['a JSON list', '[]', 'This is not a NewsLens backup: the file should hold one JSON object'],
    ['foreign JSON', '{"name":"my-package","version":"1.0.0"}', 'This is not a NewsLens backup: it has no "format" field (expected "newslens-backup").'],
    ['another format', '{"format":"hypothesis-export","version":1}', 'This is not a NewsLens backup: its format is "hypothesis-export" (expected "newslens-backup").'],
  ])('rejects %s', (_name, text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it('rejects a newer version and says so', () => {
    expect(errorOf({ ...validFile(), version: BACKUP_VERSION + 1 })).toBe(
      `This backup was made by a newer NewsLens (backup version ${BACKUP_VERSION + 1}); this version reads backups up to version ${BACKUP_VERSION}. Update the extension and try again.`,
    );
    expect(errorOf({ ...validFile(), version: '1' })).toBe('version must be a whole number from 1 to 9007199254740991 (found "1")');
  });

  it('reads version 1 files, whose authors are bare names', () => {
    const v1 = validFile();
    v1.version = 1;
    v1.articles[0].authors = ['Jane Doe', 'Reuters'];
    const result = parseBackup(JSON.stringify(v1));
    expect(result.ok && result.articles[0]?.authors).toEqual([
      { name: 'Jane Doe', kind: 'person' },
      { name: 'Reuters', kind: 'organization' },
    ]);
  });

  it('checks records in slices with progress, and can be cancelled', async () => {
    const text = toBackupJson(smallBundle);
    const seen: number[] = [];
    const result = await parseBackupInSlices(text, { budgetMs: 0, onProgress: ({ done }) => seen.push(done) });
    expect(result).toEqual(parseBackup(text));
    expect(seen.at(-1)).toBe(smallBundle.articles.length + smallBundle.annotations.length);
    const controller = new AbortController();
    controller.abort();
    await expect(parseBackupInSlices(text, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await (await toBackupJsonInSlices(bundleSource(smallBundle), { budgetMs: 0 })).text()).toBe(text);
  });

  it('rejects a file that is too large before parsing it', () => {
    // Only the length is read before rejecting, so a stand-in avoids allocating 200 MB in a unit test.
    const huge = { length: MAX_BACKUP_CHARS + 1 } as unknown as string;
    const result = parseBackup(huge);
    expect(result.ok ? '' : result.error).toMatch(/^The file is too large to be a NewsLens backup \(200000001 characters/);
  });

  const broken: Array<[string, (file: Record<string, any>) => void, string]> = [
    ['missing exportedAt', (f) => delete f.exportedAt, 'exportedAt is missing'],
    ['articles not a list', (f) => (f.articles = {}), 'articles must be a list (found an object)'],
    ['article not an object', (f) => (f.articles[0] = 'x'), 'articles[0] must be an object (found "x")'],
    ['missing quote text', (f) => delete f.annotations[1].target.quote.exact, 'annotations[1].target.quote.exact is missing'],
    ['empty quote text', (f) => (f.annotations[1].target.quote.exact = ''), 'annotations[1].target.quote.exact is empty'],
    ['quote of the wrong type', (f) => (f.annotations[0].target.quote.exact = 42), 'annotations[0].target.quote.exact must be a string (found number 42)'],
    ['a number id', (f) => (f.articles[0].id = 7), 'articles[0].id must be a string (found number 7)'],
    ['a non-UUID id', (f) => (f.annotations[0].id = '../etc'), 'annotations[0].id must be a UUID (found "../etc")'],
    ['unknown kind', (f) => (f.annotations[0].kind = 'comment'), 'annotations[0].kind must be one of highlight, note, claim, entity (found "comment")'],
    ['unknown colour', (f) => (f.annotations[0].color = 'red'), 'annotations[0].color must be one of yellow, green, blue, pink, purple (found "red")'],
    ['negative position', (f) => (f.annotations[0].target.position.start = -1), 'annotations[0].target.position.start must be a whole number from 0 to 100000000 (found number -1)'],
    ['end before start', (f) => (f.annotations[0].target.position.end = 3), 'annotations[0].target.position.end must be a whole number from 70 to 100000000 (found number 3)'],
    ['fractional position', (f) => (f.annotations[0].target.position.start = 1.5), 'annotations[0].target.position.start must be a whole number'],
    ['bad time', (f) => (f.articles[0].createdAt = 'yesterday'), 'articles[0].createdAt must be an ISO date-time like 2025-03-06T09:00:00.000Z (found "yesterday")'],
    ['missing deletedAt', (f) => delete f.articles[0].deletedAt, 'articles[0].deletedAt is missing'],
    ['string boolean', (f) => (f.articles[0].isArticle = 'true'), 'articles[0].isArticle must be true or false (found "true")'],
    ['author not a record', (f) => (f.articles[0].authors[1] = null), 'articles[0].authors[1] must be an object (found null)'],
    ['author of unknown kind', (f) => (f.articles[0].authors[1] = { name: 'X', kind: 'robot' }), 'articles[0].authors[1].kind must be one of person, organization (found "robot")'],
    ['document selector out of order', (f) => (f.annotations[1].target.document = { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 5, end: 2 } }), 'annotations[1].target.document.position.end must be a whole number from 5 to 100000000'],
    ['tag not a string', (f) => (f.annotations[0].tags = [['x']]), 'annotations[0].tags[0] must be a string (found a list)'],
    ['unsafe evidence URL', (f) => (f.annotations[0].claim.evidence[0].url = 'javascript:alert(1)'), 'annotations[0].claim.evidence[0].url must be an http(s) URL (found "javascript:alert(1)")'],
    ['data URL as article', (f) => (f.articles[0].url = 'data:text/html,hi'), 'articles[0].url must be an http(s) URL (found "data:text/html,hi")'],
    ['unsafe target source', (f) => (f.annotations[1].target.source = 'file:///etc/passwd'), 'annotations[1].target.source must be an http(s) URL (found "file:///etc/passwd")'],
    ['rating out of range', (f) => (f.annotations[0].claim.rating = 9), 'annotations[0].claim.rating must be a whole number from 1 to 5 (found number 9)'],
    ['unknown status', (f) => (f.annotations[0].claim.status = 'done'), 'annotations[0].claim.status must be one of unstarted, in_progress, inconclusive, verified, false (found "done")'],
    ['anchor confidence', (f) => (f.annotations[0].anchor = { quality: 'exact', confidence: 2, checkedAt: exportedAt }), 'annotations[0].anchor.confidence must be a number from 0 to 1 (found number 2)'],
    ['huge note', (f) => (f.annotations[0].note = 'x'.repeat(50_001)), 'annotations[0].note is too long (50001 > 50000 characters)'],
    ['huge quote', (f) => (f.annotations[1].target.quote.exact = 'x'.repeat(20_001)), 'annotations[1].target.quote.exact is too long (20001 > 20000 characters)'],
    ['too many tags', (f) => (f.annotations[0].tags = Array(101).fill('t')), 'annotations[0].tags has too many items (101 > 100)'],
    ['missing article', (f) => (f.annotations[1].articleId = 'a1b2c3d4-0000-4000-8000-00000000ffff'), 'annotations[1].articleId points to an article that is not in the file (a1b2c3d4-0000-4000-8000-00000000ffff)'],
    ['repeated id', (f) => (f.annotations[1].id = f.annotations[0].id), 'annotations[1].id repeats the id of annotations[0] (b0000000-0000-4000-8000-000000000002)'],
  ];

  it.each(broken)('rejects %s with a precise message', (_name, breakIt, message) => {
    const file = validFile();
    breakIt(file);
    expect(errorOf(file)).toContain(message);
  });

  it('reads a version 1 backup, whose authors are plain names, as author records', () => {
    const file = validFile();
    file.version = 1;
    file.articles[0].authors = ['Jane Doe', 'Associated Press', 'Our Foreign Staff'];
    const result = parseBackup(JSON.stringify(file));
    if (!result.ok) throw new Error(result.error);
    expect(result.articles[0]?.authors).toEqual([
      { name: 'Jane Doe', kind: 'person' },
      { name: 'Associated Press', kind: 'organization' },
      { name: 'Our Foreign Staff', kind: 'organization' },
    ]);
  });

  it('names the format constant in its files', () => {
    expect(validFile()).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION });
  });
});
