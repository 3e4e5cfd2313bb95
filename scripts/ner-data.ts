// Readers for the public NER data in ../shared/data (see its README): CoNLL-2003 English, CrossNER and
// WikiGold, all turned into documents of tokens with BIO labels over PER/ORG/LOC/MISC. Used only by
// `npm run train:ner` and `npm run eval:ner`; the text never enters the repository or the extension.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Label } from '../detect/ner-features';
import type { NerDoc } from '../detect/ner-tokens';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The data directory: $NEWSLENS_DATA when set, else `../shared/data` beside the repository (a git worktree one
 * level deeper, as in `wt/<branch>`, finds it two levels up).
 */
export const DATA_DIR =
  process.env.NEWSLENS_DATA ??
  [join(REPO, '../shared/data'), join(REPO, '../../shared/data')].find((d) => existsSync(d)) ??
  join(REPO, '../shared/data');

export interface LabelledDoc {
  sentences: Array<{ words: string[]; labels: Label[] }>;
}

/** Exits with a clear message when the data directory or a file is missing (CI has it, a clone does not). */
export function requireData(...files: string[]): void {
  const missing = files.filter((f) => !existsSync(join(DATA_DIR, f)));
  if (missing.length > 0) {
    console.error(
      `NER data not found: ${missing.map((f) => join(DATA_DIR, f)).join(', ')}\n` +
        'Place the CoNLL-2003 and modern-ner data under ../shared/data (see that directory\'s README) and run again.',
    );
    process.exit(1);
  }
}

type Coarse = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** IOB1 or BIO tags of one sentence, with types already mapped, to BIO. */
function toBio(tags: Array<{ prefix: string; type: Coarse | undefined }>): Label[] {
  const out: Label[] = [];
  let prevType: Coarse | undefined;
  for (const { prefix, type } of tags) {
    if (!type) {
      out.push('O');
      prevType = undefined;
      continue;
    }
    const begin = prefix === 'B' || prevType !== type;
    out.push(`${begin ? 'B' : 'I'}-${type}` as Label);
    prevType = type;
  }
  return out;
}

function readColumns(path: string, tagColumn: (cols: string[]) => string, mapType: (t: string) => Coarse | undefined): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  let doc: LabelledDoc = { sentences: [] };
  let words: string[] = [];
  let tags: Array<{ prefix: string; type: Coarse | undefined }> = [];
  const endSentence = () => {
    if (words.length > 0) doc.sentences.push({ words, labels: toBio(tags) });
    words = [];
    tags = [];
  };
  const endDoc = () => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('-DOCSTART-')) {
      endDoc();
      continue;
    }
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/[\t ]/);
    const tag = tagColumn(cols);
    const [prefix, fine] = tag === 'O' ? ['O', undefined] : [tag.slice(0, 1), tag.slice(2)];
    words.push(cols[0] ?? '');
    tags.push({ prefix, type: fine === undefined ? undefined : mapType(fine) });
  }
  endDoc();
  return docs;
}

const CONLL_TYPES: Record<string, Coarse> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** CoNLL-2003 (`word POS chunk NER`, IOB1) or WikiGold (`word NER`, IOB1): one document per -DOCSTART-. */
export function readConll(file: string): LabelledDoc[] {
  return readColumns(join(DATA_DIR, file), (cols) => cols[cols.length - 1] ?? 'O', (t) => CONLL_TYPES[t] ?? 'MISC');
}

// CrossNER's fine types mapped to ours, as the data README gives them; every other type (election, event,
// award, misc, product, ...) is MISC: named, but not a person, organisation or place.
const CROSSNER_TYPES: Record<string, Coarse> = {
  person: 'PER', politician: 'PER', writer: 'PER', scientist: 'PER', musicalartist: 'PER', researcher: 'PER',
  organisation: 'ORG', politicalparty: 'ORG', university: 'ORG', band: 'ORG', magazine: 'ORG', academicjournal: 'ORG',
  location: 'LOC', country: 'LOC',
};

/** A CrossNER training split (`word<TAB>tag`, BIO, fine types): no document marks, so each sentence is a document. */
export function readCrossner(file: string): LabelledDoc[] {
  const [doc] = readColumns(join(DATA_DIR, file), (cols) => cols[cols.length - 1] ?? 'O', (t) => CROSSNER_TYPES[t] ?? 'MISC');
  return (doc?.sentences ?? []).map((s) => ({ sentences: [s] }));
}

export const CROSSNER_DOMAINS = ['politics', 'science', 'literature', 'music', 'ai'];

/** FNV-1a of a document's first words: the fixed, order-free key of the held-out split. */
function docKey(doc: LabelledDoc): number {
  const text = doc.sentences.flatMap((s) => s.words).slice(0, 40).join(' ');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One document in five (by hash of its text) of the modern data is held out of training for development. */
export function isHeldOut(doc: LabelledDoc): boolean {
  return docKey(doc) % 5 === 0;
}

/** Which of the four non-held-out fifths is the tuning one: TUNE_FOLD=1..4 (default 1), for cross-validating a setting. */
const TUNE_FOLD = Number(process.env.TUNE_FOLD ?? 1);
if (!(TUNE_FOLD >= 1 && TUNE_FOLD <= 4)) throw new Error(`TUNE_FOLD must be 1, 2, 3 or 4, not ${process.env.TUNE_FOLD}`);

/**
 * A second fifth of the modern data (disjoint from the held-out one), left out of training only by `TUNE=1 npm run
 * train:ner`, to choose training settings without looking at the held-out documents; TUNE_FOLD picks which fifth.
 */
export function isTuning(doc: LabelledDoc): boolean {
  return docKey(doc) % 5 === TUNE_FOLD;
}

/** The tagger's view of a labelled document: each sentence on its own line, as CoNLL prints them. */
export function toNerDoc(doc: LabelledDoc): NerDoc {
  const words: string[] = [];
  const sentence: number[] = [];
  doc.sentences.forEach((s, k) => {
    for (const w of s.words) {
      words.push(w);
      sentence.push(k);
    }
  });
  return { words, sentence: Int32Array.from(sentence), line: Int32Array.from(sentence) };
}
