// `npm run eval:ner`: entity-level exact-match precision, recall and F1 per type of `findEntities` (the whole
// pipeline: tokenizer, shipped weights, rules) on CoNLL-2003 eng.testa, on the held-out modern prose (CrossNER
// and WikiGold, separately), on our labelled news paragraphs and on the seed article. The CoNLL-format documents
// are given to findEntities as text: tokens joined by spaces, one sentence a line, as a reader's page never
// is but as public benchmarks are scored. MISC gold spans are not scored; a MISC span we type counts as wrong.
// `--errors` prints the mistakes too. `--compare DIR` also scores the findEntities of another checkout (e.g. the
// rule-based one of commit 3775409: `git worktree add /tmp/oldrules 3775409`) on the same data, line by line.
// `--tuning` scores the tuning fifth of the modern data instead of the held-out one, and `--weights FILE` tags
// with the weights of a file `TUNE=1 WEIGHTS_OUT=FILE npm run train:ner` wrote (candidate settings, never shipped).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntities, groupEntities } from '../detect/entities';
import { decodeWeights, type NerModel } from '../detect/ner-model';
import type { EntityMention, EntityType } from '../detect/types';
import { evaluate, formatEvaluation, type LabelledParagraph } from '../tests/unit/detect/entities-evaluate';
import { CROSSNER_DOMAINS, isHeldOut, isTuning, readConll, readCrossner, requireData, type LabelledDoc } from './ner-data';

const TYPE_OF: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const showErrors = process.argv.includes('--errors');
const compareAt = process.argv.indexOf('--compare');
const compareDir = compareAt >= 0 ? resolve(process.argv[compareAt + 1] ?? '') : undefined;
const tuning = process.argv.includes('--tuning');
const weightsAt = process.argv.indexOf('--weights');
const weightsFile = weightsAt >= 0 ? resolve(process.argv[weightsAt + 1] ?? '') : undefined;
type Detect = (text: string) => EntityMention[];
let tagger: NerModel | undefined;
const detect: Detect = (text) => findEntities(text, tagger);

/** A CoNLL-format document as text plus its gold entities with offsets (the labelled-paragraph shape). */
function asParagraph(doc: LabelledDoc): LabelledParagraph {
  let text = '';
  const entities: LabelledParagraph['entities'] = [];
  doc.sentences.forEach((s, k) => {
    if (k > 0) text += '\n';
    let open: { start: number; end: number; type: string } | undefined;
    const close = () => {
      const type = open ? TYPE_OF[open.type] : undefined;
      if (open && type) entities.push({ text: text.slice(open.start, open.end), type, start: open.start });
      open = undefined;
    };
    s.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += w;
      const label = s.labels[i] ?? 'O';
      if (open && (label === 'O' || label.startsWith('B-') || label.slice(2) !== open.type)) close();
      if (label !== 'O') {
        if (!open) open = { start, end: text.length, type: label.slice(2) };
        else open.end = text.length;
      }
    });
    close();
  });
  return { text, entities };
}

let other: Detect | undefined;

/** Prints the scores of `findEntities` on the paragraphs, and of the compared checkout's when one is given. */
function report(name: string, paragraphs: LabelledParagraph[]): void {
  const result = evaluate(paragraphs, detect);
  console.log(formatEvaluation(name, result));
  if (showErrors) console.log(result.errors.slice(0, 150).map((e) => `    ${e}`).join('\n'));
  if (other) console.log(formatEvaluation(`  compared: ${compareDir}`, evaluate(paragraphs, other)));
  console.log('');
}

async function main(): Promise<void> {
  if (weightsFile) {
    const source = existsSync(weightsFile) ? readFileSync(weightsFile, 'utf8') : '';
    const encoded = /NER_WEIGHTS = '([^']*)'/.exec(source)?.[1];
    if (!encoded) {
      console.error(`--weights: no NER_WEIGHTS string in ${weightsFile}`);
      process.exit(1);
    }
    tagger = decodeWeights(encoded);
  }
  if (compareDir) {
    const file = join(compareDir, 'detect/entities.ts');
    if (!existsSync(file)) {
      console.error(`--compare: ${file} not found`);
      process.exit(1);
    }
    other = ((await import(file)) as { findEntities: Detect }).findEntities;
  }
  const crossnerFiles = CROSSNER_DOMAINS.map((d) => `modern-ner/crossner-${d}-train.txt`);
  requireData('conll2003/eng.testa', 'modern-ner/wikigold.conll.txt', ...crossnerFiles);
  const testa = readConll('conll2003/eng.testa').map(asParagraph);
  report('CoNLL-2003 eng.testa', testa);
  const part = tuning ? isTuning : isHeldOut;
  const partName = tuning ? 'tuning' : 'held-out';
  const crossner = CROSSNER_DOMAINS.flatMap((d) => readCrossner(`modern-ner/crossner-${d}-train.txt`)).filter(part);
  report(`CrossNER ${partName} (${crossner.length} sentences)`, crossner.map(asParagraph));
  const politics = readCrossner('modern-ner/crossner-politics-train.txt').filter(part);
  report(`  of which politics (${politics.length} sentences)`, politics.map(asParagraph));
  const wikigold = readConll('modern-ner/wikigold.conll.txt').filter(part);
  report(`WikiGold ${partName} (${wikigold.length} documents)`, wikigold.map(asParagraph));

  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures');
  for (const [name, file] of [
    ['own news paragraphs, dev', 'entities-dev.json'],
    ['own news paragraphs, held-out', 'entities-heldout.json'],
  ] as const) {
    const paragraphs = JSON.parse(readFileSync(join(fixtures, 'labelled', file), 'utf8')) as LabelledParagraph[];
    report(name, paragraphs);
  }

  const seedText = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8');
  const seedGold = JSON.parse(readFileSync(join(fixtures, 'seed-article.gold.json'), 'utf8')) as {
    entities: Array<{ canonical: string; type: EntityType; mentions: string[] }>;
  };
  const mentions = detect(seedText);
  const records = groupEntities(mentions);
  const found = new Set(records.map((r) => `${r.type}:${r.canonical}`));
  const gold = seedGold.entities.map((e) => `${e.type}:${e.canonical}`);
  const missing = gold.filter((g) => !found.has(g));
  const extra = [...found].filter((f) => !gold.includes(f));
  console.log(`seed article: ${gold.length - missing.length}/${gold.length} gold entities found, ${extra.length} extra`);
  if (missing.length > 0) console.log(`  missing: ${missing.join(', ')}`);
  if (extra.length > 0) console.log(`  extra: ${extra.join(', ')}`);
  // Every labelled mention must be covered by a mention of its entity (role nouns such as "UK prime minister" aside).
  for (const entity of seedGold.entities) {
    const record = records.find((r) => r.canonical === entity.canonical && r.type === entity.type);
    for (const m of entity.mentions) {
      const covered = mentions.some((x) => x.entityId === record?.entityId && (x.text === m || m.includes(x.text)));
      if (!covered) console.log(`  mention not linked: ${entity.type}:${entity.canonical} <- "${m}"`);
    }
  }
}

void main();
