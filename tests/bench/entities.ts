// Characters per second of findEntities on a ~100 KB article (the labelled paragraphs repeated),
// the size of a 10,000-word long read. Run directly: npx tsx tests/bench/entities.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntities } from '../../detect/entities';

const TARGET_CHARS = 100_000;
const RUNS = 5;

function longArticle(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/labelled');
  const paragraphs = ['entities-dev.json', 'entities-heldout.json'].flatMap(
    (name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as Array<{ text: string }>).map((p) => p.text),
  );
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < TARGET_CHARS; i += 1) {
    const p = paragraphs[i % paragraphs.length] ?? '';
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

export async function run(): Promise<Record<string, number>> {
  const text = longArticle();
  const coldStart = performance.now();
  const mentions = findEntities(text);
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    findEntities(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? coldMs;
  return {
    chars: text.length,
    mentions: mentions.length,
    firstCallMs: Math.round(coldMs),
    medianMs: Math.round(medianMs),
    charsPerSecond: Math.round(text.length / (medianMs / 1000)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)));
}
