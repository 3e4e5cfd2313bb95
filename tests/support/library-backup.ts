// Synthetic reading libraries for the library benchmark (tests/bench/library.ts): a heavy reader's notes as a JSON
// backup in today's format (export/backup.ts), plus one article page that holds 500 of them. Generated in code from a
// seeded @faker-js/faker, so the same size always gives the same library (only the page's address, which carries the
// fixture server's port, varies); nothing comes from ../shared.
import { Faker, en } from '@faker-js/faker';
import { toBackupJson } from '../../export/backup';
import { hashArticleText, normalizeArticleUrl } from '../../storage/article-identity';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationKind,
  type Article,
  type ClaimReview,
} from '../../storage/types';

/** Notes on the benchmark's article page: the "visit a page with 500 notes" figure. */
export const PAGE_NOTES = 500;
/** About ten notes per article, as the issue's heavy reader has (1k notes → 100 articles). */
const NOTES_PER_ARTICLE = 10;
const SITES = 40;
const TAG_VOCABULARY = 200;
/** Shares of annotation kinds; entities are detections, not saved by readers, so none are generated. */
const KIND_SHARES: ReadonlyArray<[AnnotationKind, number]> = [
  ['highlight', 0.45],
  ['note', 0.4],
  ['claim', 0.15],
];
/** Deleted-but-kept rows (undo, sync): a few percent of a long-used library. */
const TOMBSTONE_SHARE = 0.03;
const ARTICLE_TOMBSTONE_SHARE = 0.01;
/** Context kept either side of a quote (the page room keeps 32 UTF-16 code units). */
const CONTEXT = 32;
const FIRST_DAY = Date.parse('2024-01-01T00:00:00.000Z');
const LAST_DAY = Date.parse('2026-06-01T00:00:00.000Z');

export interface LibraryPage {
  /** Normalised address of the page (the article's identity); the fixture server must serve `html` there. */
  url: string;
  html: string;
  title: string;
}

export interface Library {
  /** The backup file's text (export/backup.ts toBackupJson). */
  json: string;
  articles: number;
  /** Annotations in the file, tombstones included. */
  annotations: number;
  /** Live (not deleted) annotations: what "All notes" counts. */
  liveAnnotations: number;
  /** The most used tag (head of the Zipf distribution). */
  topTag: string;
  page: LibraryPage;
}

interface Site {
  name: string;
  host: string;
}

interface Vocabulary {
  sites: Site[];
  tags: string[];
  /** Cumulative Zipf weights (s = 1) over `tags`: a few tags are on many notes, most on few. */
  tagCdf: number[];
}

/**
 * A library of `notes` annotations on about `notes / 10` articles spread over 40 sites, one of them the page at
 * `pageUrl` (an http(s) address) with 500 notes whose quotes are in its text. Tags come from a 200-word vocabulary
 * with a Zipf distribution; 15% are tracked claims with statuses, verdicts and evidence; about 3% of notes and 1% of
 * articles are tombstones. Throws RangeError when `notes` is below the page's 500.
 */
export async function buildLibrary(notes: number, pageUrl: string, seed = 18): Promise<Library> {
  if (notes < PAGE_NOTES) throw new RangeError(`a library needs at least ${PAGE_NOTES} notes (got ${notes})`);
  const faker = new Faker({ locale: en, seed });
  const vocabulary = makeVocabulary(faker);
  const articleCount = Math.max(2, Math.round(notes / NOTES_PER_ARTICLE));
  const articles: Article[] = [];
  const annotations: Annotation[] = [];

  const pageParagraphs = paragraphs(faker, PAGE_NOTES / 5, 5);
  const pageText = pageParagraphs.map((p) => p.join(' ')).join('\n\n');
  const page = makeArticle(faker, vocabulary.sites[0]!, normalizeArticleUrl(pageUrl), false);
  page.textHash = await hashArticleText(pageText);
  articles.push(page);
  // Every sentence of the page is one live note: the page is painted with all 500.
  annotations.push(...sentencesOf(pageParagraphs).map((s) => makeAnnotation(faker, vocabulary, page, pageText, s, false, 0)));

  for (let i = 1; i < articleCount; i++) {
    const site = vocabulary.sites[i % vocabulary.sites.length]!;
    const deleted = faker.number.float() < ARTICLE_TOMBSTONE_SHARE;
    articles.push(makeArticle(faker, site, `https://${site.host}/${faker.word.noun()}/${2024 + (i % 3)}/${slug(faker)}-${i}`, deleted));
  }
  // The other notes go to the other articles, unevenly (some articles get many notes, some one).
  const rest = notes - PAGE_NOTES;
  const perArticle = new Map<number, number>();
  for (let i = 0; i < rest; i++) {
    const at = 1 + Math.floor(faker.number.float() ** 1.5 * (articleCount - 1));
    perArticle.set(at, (perArticle.get(at) ?? 0) + 1);
  }
  for (const [at, count] of perArticle) {
    const article = articles[at]!;
    const text = paragraphs(faker, Math.ceil(count / 3), 4);
    const joined = text.map((p) => p.join(' ')).join('\n\n');
    const sentences = sentencesOf(text);
    for (let n = 0; n < count; n++) {
      annotations.push(
        makeAnnotation(faker, vocabulary, article, joined, sentences[n % sentences.length]!, article.deletedAt !== null, TOMBSTONE_SHARE),
      );
    }
  }
  const json = toBackupJson({ articles, annotations, exportedAt: '2026-06-02T09:00:00.000Z' });
  return {
    json,
    articles: articles.length,
    annotations: annotations.length,
    liveAnnotations: annotations.filter((a) => a.deletedAt === null).length,
    topTag: vocabulary.tags[0]!,
    page: { url: page.url, title: page.title, html: pageHtml(page, pageParagraphs) },
  };
}

function makeVocabulary(faker: Faker): Vocabulary {
  const hosts = new Set<string>();
  const sites: Site[] = [];
  while (sites.length < SITES) {
    const name = `The ${capitalise(faker.location.city())} ${faker.helpers.arrayElement(['Herald', 'Times', 'Post', 'Courier', 'Ledger', 'Gazette', 'Observer', 'Chronicle'])}`;
    const host = `www.${name.toLowerCase().replace(/^the /, '').replace(/[^a-z]+/g, '')}.example`;
    if (hosts.has(host)) continue;
    hosts.add(host);
    sites.push({ name, host });
  }
  const tags = new Set<string>();
  while (tags.size < TAG_VOCABULARY) {
    const tag = faker.number.float() < 0.3 ? `${faker.word.adjective()}-${faker.word.noun()}` : faker.word.noun();
    tags.add(tag.toLowerCase().replace(/\s+/g, '-'));
  }
  const weights = [...tags].map((_, rank) => 1 / (rank + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  const tagCdf = weights.map((w) => (running += w / sum));
  return { sites, tags: [...tags], tagCdf };
}

function makeArticle(faker: Faker, site: Site, url: string, deleted: boolean): Article {
  const created = faker.number.int({ min: FIRST_DAY, max: LAST_DAY });
  const updated = created + faker.number.int({ min: 0, max: 30 * 86_400_000 });
  const wire = faker.number.float() < 0.15;
  return {
    id: faker.string.uuid(),
    createdAt: iso(created),
    updatedAt: iso(updated),
    deletedAt: deleted ? iso(updated) : null,
    url,
    title: headline(faker),
    siteName: site.name,
    authors: wire
      ? [{ name: faker.helpers.arrayElement(['Associated Press', 'Reuters', 'Agence France-Presse']), kind: 'organization' }]
      : [{ name: faker.person.fullName(), kind: 'person' }],
    publishedAt: iso(created - faker.number.int({ min: 0, max: 3 * 86_400_000 })),
    lang: 'en',
    textHash: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
    isArticle: true,
    lastVisitedAt: iso(updated),
  };
}

interface Sentence {
  text: string;
  /** UTF-16 offset in the article text. */
  start: number;
}

function makeAnnotation(
  faker: Faker,
  vocabulary: Vocabulary,
  article: Article,
  text: string,
  sentence: Sentence,
  deleted: boolean,
  tombstoneShare: number,
): Annotation {
  const kind = pickKind(faker.number.float());
  const created = Date.parse(article.createdAt) + faker.number.int({ min: 0, max: 86_400_000 });
  const updated = created + (faker.number.float() < 0.3 ? faker.number.int({ min: 0, max: 60 * 86_400_000 }) : 0);
  const tombstone = deleted || faker.number.float() < tombstoneShare;
  const tagCount = faker.helpers.weightedArrayElement([
    { weight: 3, value: 0 },
    { weight: 4, value: 1 },
    { weight: 2, value: 2 },
    { weight: 1, value: 3 },
  ]);
  const tags = new Set<string>();
  for (let i = 0; i < tagCount; i++) tags.add(pickTag(vocabulary, faker.number.float()));
  const end = sentence.start + sentence.text.length;
  const annotation: Annotation = {
    id: faker.string.uuid(),
    createdAt: iso(created),
    updatedAt: iso(updated),
    deletedAt: tombstone ? iso(updated + 1000) : null,
    articleId: article.id,
    kind,
    target: {
      source: article.url,
      quote: {
        type: 'TextQuoteSelector',
        exact: sentence.text,
        prefix: text.slice(Math.max(0, sentence.start - CONTEXT), sentence.start),
        suffix: text.slice(end, end + CONTEXT),
      },
      position: { type: 'TextPositionSelector', start: sentence.start, end },
    },
    color: kind === 'highlight' ? faker.helpers.arrayElement(HIGHLIGHT_COLORS) : 'yellow',
    note: kind === 'highlight' && faker.number.float() < 0.8 ? '' : noteText(faker),
    tags: [...tags],
  };
  if (kind === 'claim') annotation.claim = claimReview(faker);
  return annotation;
}

function claimReview(faker: Faker): ClaimReview {
  const status = faker.helpers.arrayElement(CLAIM_STATUSES);
  const decided = status === 'verified' || status === 'false' || status === 'inconclusive';
  const verdicts = { verified: ['Accurate', 'Correct', 'Mostly true'], false: ['False', 'Misleading', 'Mostly false'], inconclusive: ['Unproven', 'Needs context'] };
  return {
    status,
    verdict: decided ? faker.helpers.arrayElement(verdicts[status]) : '',
    ...(decided ? { rating: status === 'verified' ? 5 : status === 'false' ? 1 : 3 } : {}),
    evidence: Array.from({ length: faker.number.int({ min: 0, max: 2 }) }, () => ({
      url: `https://${faker.internet.domainName()}/${slug(faker)}`,
      note: faker.number.float() < 0.5 ? '' : `${capitalise(faker.word.verb())} the ${faker.word.noun()} figures.`,
    })),
    ...(faker.number.float() < 0.6 ? { claimant: faker.person.fullName() } : {}),
  };
}

/** A reader's note: one to three short sentences, some with Markdown emphasis or a link. */
function noteText(faker: Faker): string {
  const parts = Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () => {
    const noun = faker.word.noun();
    return faker.helpers.arrayElement([
      `Check the ${noun} figures against the ${faker.number.int({ min: 2015, max: 2026 })} report.`,
      `Ask ${faker.person.lastName()} at ${faker.company.name()} about the **${noun}** numbers.`,
      `Compare with what ${faker.location.city()} said about ${faker.word.adjective()} ${noun} last year.`,
      `Source: [${faker.company.name()}](https://${faker.internet.domainName()}/${noun}).`,
      `Possible follow-up on the ${faker.word.adjective()} ${noun}; *quote this* in the piece.`,
    ]);
  });
  return parts.join(' ');
}

/** `count` paragraphs of `perParagraph` distinct news-like sentences each. */
function paragraphs(faker: Faker, count: number, perParagraph: number): string[][] {
  return Array.from({ length: count }, () => Array.from({ length: perParagraph }, () => sentence(faker)));
}

function sentence(faker: Faker): string {
  const who = faker.helpers.arrayElement([faker.person.fullName(), `the ${faker.word.noun()} minister`, faker.company.name()]);
  const n = faker.number.int({ min: 2, max: 900 });
  return capitalise(
    faker.helpers.arrayElement([
      `${who} said the ${faker.word.adjective()} ${faker.word.noun()} would cost ${n} million pounds by ${faker.number.int({ min: 2026, max: 2035 })}.`,
      `${who} told reporters in ${faker.location.city()} that ${n} ${faker.word.noun()} workers had ${faker.word.verb()}ed since March.`,
      `Figures published on ${faker.date.weekday()} show ${n} per cent more ${faker.word.noun()} claims than a year earlier.`,
      `Critics including ${who} argue the plan to ${faker.word.verb()} the ${faker.word.noun()} will not work.`,
      `The ${faker.word.adjective()} report from ${faker.location.city()} found ${n} cases of ${faker.word.noun()} fraud.`,
    ]),
  );
}

function sentencesOf(text: string[][]): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const paragraph of text) {
    for (const s of paragraph) {
      out.push({ text: s, start: offset });
      offset += s.length + 1;
    }
    // The last sentence's trailing space is the paragraph break's first character: "\n\n" is two.
    offset += 1;
  }
  return out;
}

function pageHtml(article: Article, text: string[][]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const author = article.authors[0]?.name ?? '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(article.title)} | ${escape(article.siteName)}</title>
<meta property="og:title" content="${escape(article.title)}"><meta property="og:site_name" content="${escape(article.siteName)}">
<meta property="og:type" content="article"><meta name="author" content="${escape(author)}">
<meta property="article:published_time" content="${article.publishedAt ?? ''}"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${escape(article.title)}</h1><p class="byline">By ${escape(author)}</p>
${text.map((p) => `<p>${escape(p.join(' '))}</p>`).join('\n')}
</article></main><footer><p>© ${escape(article.siteName)}</p></footer></body></html>`;
}

function headline(faker: Faker): string {
  return capitalise(
    faker.helpers.arrayElement([
      `${faker.location.city()} ${faker.word.noun()} plan faces ${faker.word.adjective()} test`,
      `${faker.person.lastName()} promises to ${faker.word.verb()} ${faker.word.noun()} costs`,
      `What the new ${faker.word.noun()} figures mean for ${faker.location.city()}`,
      `${faker.company.name()} fined over ${faker.word.adjective()} ${faker.word.noun()} claims`,
    ]),
  );
}

function pickKind(x: number): AnnotationKind {
  let running = 0;
  for (const [kind, share] of KIND_SHARES) if (x < (running += share)) return kind;
  return 'highlight';
}

function pickTag(vocabulary: Vocabulary, x: number): string {
  const at = vocabulary.tagCdf.findIndex((c) => x < c);
  return vocabulary.tags[at < 0 ? vocabulary.tags.length - 1 : at]!;
}

function slug(faker: Faker): string {
  return `${faker.word.adjective()}-${faker.word.noun()}-${faker.word.noun()}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
