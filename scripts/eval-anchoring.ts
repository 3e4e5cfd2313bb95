// `npm run eval:anchoring`: the re-anchoring benchmark on real article text. Notes are made on random spans
// (seeded) of the 16 saved news pages in ../shared/data/pages (article text from expected.html) and of the
// repo's own fixture articles, then every page is edited the ways news pages change, and each note is
// re-anchored by our matcher and by a Hypothesis-style reference matcher in the same run.
// An outcome is right (the expected words, or an orphan when the words are gone), wrong (placed anywhere else)
// or orphan (not placed although the words are there). Prints one table per matcher and the time per note.
// Options: --notes N (per article and kind, default 30), --only NAME (articles whose name contains NAME),
// --json FILE (also write the numbers there), --show KIND (print our wrong placements and orphans of that kind).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { anchorAll, type AnchorTarget } from '../anchoring/match';
import { describeRange } from '../anchoring/selectors';
import { buildTextMap } from '../anchoring/text-map';
import type { Anchor } from '../anchoring/types';
import {
  GLOBAL_KINDS,
  NOTE_KINDS,
  randomSpot,
  seeded,
  seedOf,
  spotAround,
  type Case,
  type Doc,
  type Expected,
  type Spot,
} from './anchoring-eval/cases';
import { referenceAnchor, type ReferenceSpan } from './anchoring-eval/reference-matcher';

// ../shared/data next to the repo, or next to a parent folder of it (a git worktree lives deeper than the main
// checkout); NEWSLENS_DATA overrides the `shared/data` folder, as for the claim scripts.
function findPagesDir(): string {
  if (process.env.NEWSLENS_DATA) return join(process.env.NEWSLENS_DATA, 'pages');
  const root = join(import.meta.dirname, '..');
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, '../shared/data/pages');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(root, '../shared/data/pages');
  }
}
const PAGES_DIR = findPagesDir();
const FIXTURE_PAGES = join(import.meta.dirname, '../tests/fixtures/pages');
const FIXTURE_ARTICLES = ['amp-article', 'broadsheet', 'live-blog', 'long-article', 'seed-article', 'wire-story'];
const FIXTURE_TEXTS = [join(import.meta.dirname, '../tests/fixtures/anchoring/international-desk.txt')];

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const NOTES = Number(argument('--notes') ?? 30);
const ONLY = argument('--only');
const SHOW = argument('--show');

/** The readable text of an HTML document as paragraphs, the way the content script's text map sees it. */
function paragraphsOf(html: string, selector?: string): Doc {
  const window = new Window();
  window.document.write(html);
  const root = selector ? window.document.querySelector(selector) : window.document.body;
  const body = root ?? window.document.body;
  const text = buildTextMap(body as unknown as Element, { computedStyle: false }).text;
  window.close();
  return text
    .split(/\n\n+/)
    .map((p) => p.normalize('NFC').trim())
    .filter((p) => p.length > 0);
}

interface Article {
  name: string;
  doc: Doc;
}

function loadArticles(): Article[] {
  if (!existsSync(PAGES_DIR)) {
    console.error(`eval:anchoring needs the saved news pages in ${PAGES_DIR} (see ../shared/data/README.md); not found.`);
    process.exit(1);
  }
  const articles: Article[] = [];
  for (const name of readdirSync(PAGES_DIR).sort()) {
    const file = join(PAGES_DIR, name, 'expected.html');
    if (existsSync(file)) articles.push({ name, doc: paragraphsOf(readFileSync(file, 'utf8')) });
  }
  for (const name of FIXTURE_ARTICLES) {
    articles.push({ name: `fixture:${name}`, doc: paragraphsOf(readFileSync(join(FIXTURE_PAGES, `${name}.html`), 'utf8'), 'article') });
  }
  for (const file of FIXTURE_TEXTS) {
    const name = file.split('/').pop()?.replace(/\.txt$/, '') ?? file;
    articles.push({ name: `fixture:${name}`, doc: readFileSync(file, 'utf8').split(/\n\n+/).map((p) => p.trim()).filter(Boolean) });
  }
  return articles.filter((a) => a.doc.length >= 3 && (!ONLY || a.name.includes(ONLY)));
}

function render(doc: Doc): { text: string; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const p of doc) {
    starts.push(at);
    at += p.length + 2;
  }
  return { text: doc.join('\n\n'), starts };
}

type Outcome = 'right' | 'wrong' | 'orphan';

/** Chars of context, each side and within the paragraph, that make a repeated quote the same passage. */
const SAME_PASSAGE_CONTEXT = 24;

/**
 * A note expected to be orphaned whose quote is still on the page with the same words next to it in its
 * paragraph (articles repeat sentences: a pull quote, a caption, a code sample) has not lost its passage;
 * such notes are left out of the tally rather than called orphans or wrong.
 */
function stillOnPage(text: string, target: AnchorTarget): boolean {
  const { prefix, exact, suffix } = target.quote;
  const before = prefix.slice(prefix.lastIndexOf('\n') + 1).slice(-SAME_PASSAGE_CONTEXT);
  const lineEnd = suffix.indexOf('\n');
  const after = (lineEnd < 0 ? suffix : suffix.slice(0, lineEnd)).slice(0, SAME_PASSAGE_CONTEXT);
  return text.includes(before + exact + after);
}

/** An exact placement must hit the words exactly; one found with changes may miss each edge by a few chars. */
function judge(expected: { start: number; end: number } | 'orphan', got: Anchor | ReferenceSpan | null, exactQuality: boolean): Outcome {
  if (got === null) return expected === 'orphan' ? 'right' : 'orphan';
  if (expected === 'orphan') return 'wrong';
  const slack = exactQuality ? 0 : Math.max(4, Math.round((expected.end - expected.start) * 0.1));
  return Math.abs(got.start - expected.start) <= slack && Math.abs(got.end - expected.end) <= slack ? 'right' : 'wrong';
}

interface Tally {
  right: number;
  wrong: number;
  orphan: number;
  /** Notes left out because their passage is repeated verbatim on the page (see stillOnPage). */
  repeated: number;
  ms: number;
}

const empty = (): Tally => ({ right: 0, wrong: 0, orphan: 0, repeated: 0, ms: 0 });

interface Totals {
  ours: Map<string, Tally>;
  reference: Map<string, Tally>;
}

function tallyOf(map: Map<string, Tally>, kind: string): Tally {
  let t = map.get(kind);
  if (!t) map.set(kind, (t = empty()));
  return t;
}

function runCase(kind: string, c: Case, totals: Totals): void {
  const before = render(c.original);
  const after = render(c.edited);
  const targets: AnchorTarget[] = c.notes.map((n) => describeRange(before.text, (before.starts[n.p] as number) + n.start, (before.starts[n.p] as number) + n.end));
  const expected = c.expected.map((e: Expected) =>
    e === 'orphan' ? ('orphan' as const) : { start: (after.starts[e.p] as number) + e.start, end: (after.starts[e.p] as number) + e.end },
  );
  const counted = targets.map((t, i) => expected[i] !== 'orphan' || !stillOnPage(after.text, t));

  const ours = tallyOf(totals.ours, kind);
  let started = performance.now();
  const anchors = anchorAll(after.text, targets);
  ours.ms += performance.now() - started;
  anchors.forEach((a, i) => {
    if (!counted[i]) {
      ours.repeated += 1;
      return;
    }
    const outcome = judge(expected[i] ?? 'orphan', a, a?.quality === 'exact');
    ours[outcome] += 1;
    if (SHOW && kind.includes(SHOW) && outcome !== 'right') {
      const e = expected[i] ?? 'orphan';
      const t = targets[i] as AnchorTarget;
      console.log(`\n[${outcome}] ${kind}: ${JSON.stringify(t.quote.prefix.slice(-40))} [${t.quote.exact}] ${JSON.stringify(t.quote.suffix.slice(0, 40))}`);
      console.log(`  expected ${e === 'orphan' ? 'orphan' : JSON.stringify(after.text.slice(e.start, e.end))}`);
      if (a) console.log(`  got ${a.quality} ${a.confidence} ${JSON.stringify(after.text.slice(Math.max(0, a.start - 40), a.start))} [${after.text.slice(a.start, a.end)}] ${JSON.stringify(after.text.slice(a.end, a.end + 40))}`);
    }
  });

  const reference = tallyOf(totals.reference, kind);
  started = performance.now();
  const spans = targets.map((t) => referenceAnchor(after.text, t));
  reference.ms += performance.now() - started;
  spans.forEach((s, i) => {
    if (!counted[i]) {
      reference.repeated += 1;
      return;
    }
    // The reference reports no quality; a span that is the quote verbatim is judged as an exact placement.
    const exact = s !== null && after.text.slice(s.start, s.end) === targets[i]?.quote.exact;
    reference[judge(expected[i] ?? 'orphan', s, exact)] += 1;
  });
}

function drawNotes(doc: Doc, rand: () => number, count: number): Spot[] {
  const notes: Spot[] = [];
  for (let tries = 0; notes.length < count && tries < count * 10; tries++) {
    const s = randomSpot(doc, rand);
    if (s) notes.push(s);
  }
  return notes;
}

function evaluate(articles: Article[]): Totals {
  const totals: Totals = { ours: new Map(), reference: new Map() };
  articles.forEach((article, index) => {
    const other = (articles[(index + 1) % articles.length] as Article).doc;
    for (const kind of GLOBAL_KINDS) {
      const rand = seeded(seedOf(`${article.name}/${kind.name}`));
      const notes = drawNotes(article.doc, rand, NOTES);
      runCase(kind.name, kind.apply(article.doc, notes, rand, other), totals);
    }
    for (const kind of NOTE_KINDS) {
      const rand = seeded(seedOf(`${article.name}/${kind.name}`));
      let made = 0;
      for (let tries = 0; made < NOTES && tries < NOTES * 20; tries++) {
        const note = kind.around ? spotAround(article.doc, rand, kind.around) : randomSpot(article.doc, rand, kind.lengths);
        const c = note ? kind.make(article.doc, note, rand, other) : null;
        if (!c) continue;
        runCase(kind.name, c, totals);
        made++;
      }
    }
  });
  return totals;
}

const percent = (n: number, of: number): string => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);

function table(title: string, tallies: Map<string, Tally>): Record<string, Record<string, number>> {
  const rows: [string, Tally][] = [...tallies.entries()];
  const all = rows.reduce(
    (sum, [, t]) => ({ right: sum.right + t.right, wrong: sum.wrong + t.wrong, orphan: sum.orphan + t.orphan, repeated: sum.repeated + t.repeated, ms: sum.ms + t.ms }),
    empty(),
  );
  rows.push(['overall', all]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  console.log(`${'kind'.padEnd(width)}  ${'notes'.padStart(5)}  ${'right'.padStart(6)}  ${'wrong'.padStart(6)}  ${'orphan'.padStart(6)}  ms/note  repeated (left out)`);
  const json: Record<string, Record<string, number>> = {};
  for (const [kind, t] of rows) {
    const n = t.right + t.wrong + t.orphan;
    console.log(
      `${kind.padEnd(width)}  ${String(n).padStart(5)}  ${percent(t.right, n).padStart(6)}  ${percent(t.wrong, n).padStart(6)}  ${percent(t.orphan, n).padStart(6)}  ${(t.ms / Math.max(1, n)).toFixed(3).padStart(7)}  ${t.repeated}`,
    );
    json[kind] = { notes: n, right: t.right, wrong: t.wrong, orphan: t.orphan, repeated: t.repeated, msPerNote: t.ms / Math.max(1, n) };
  }
  return json;
}

const articles = loadArticles();
console.log(`${articles.length} articles (${articles.filter((a) => !a.name.startsWith('fixture:')).length} saved news pages), ${NOTES} notes per article and kind`);
// Warm up the JIT so the first article's timings are not compile time.
evaluate(articles.slice(0, 1));
const totals = evaluate(articles);
const results = { ours: table('NewsLens matcher (anchoring/match.ts)', totals.ours), reference: table('Hypothesis-style reference matcher', totals.reference) };
const out = argument('--json');
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
