// Characters per second of findEntities on a ~100 KB article (the labelled paragraphs repeated),
// the size of a 10,000-word long read, against compromise's people/organisations/places on the same text;
// and the time to decode the tagger's weights (part of the background worker's cold start).
// Run directly: npx tsx tests/bench/entities.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { findEntities } from '../../detect/entities';
import { decodeWeights } from '../../detect/ner-model';
import { NER_WEIGHTS } from '../../detect/ner-weights';

const TARGET_CHARS = 100_000;
const RUNS = 5;
/** Timed runs of findEntities, after WARM_UP untimed ones: "warm" means compiled by the JIT, as in a worker that has tagged a few pages. */
const TAG_RUNS = 11;
const WARM_UP = 3;

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

/** Milliseconds of this process's CPU time (user + system) spent in f: steadier than wall time on a shared machine. */
function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function compromiseEntities(text: string): number {
  const doc = nlp(text);
  return doc.people().json({ offset: true }).length + doc.organizations().json({ offset: true }).length + doc.places().json({ offset: true }).length;
}

export async function run(): Promise<Record<string, number>> {
  const text = longArticle();
  const loadTimes: number[] = [];
  const loadCpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    loadCpu.push(cpuMs(() => decodeWeights(NER_WEIGHTS)));
    loadTimes.push(performance.now() - start);
  }
  const coldStart = performance.now();
  const mentions = findEntities(text);
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < WARM_UP; i += 1) findEntities(text);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TAG_RUNS; i += 1) {
    const start = performance.now();
    cpu.push(cpuMs(() => findEntities(text)));
    times.push(performance.now() - start);
  }
  const medianMs = median(times);
  compromiseEntities(text);
  const compromiseTimes: number[] = [];
  const compromiseCpu: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    compromiseCpu.push(cpuMs(() => compromiseEntities(text)));
    compromiseTimes.push(performance.now() - start);
  }
  const compromiseMs = median(compromiseTimes);
  return {
    chars: text.length,
    mentions: mentions.length,
    weightsLoadMs: Math.round(median(loadTimes) * 10) / 10,
    firstCallMs: Math.round(coldMs),
    medianMs: Math.round(medianMs),
    charsPerSecond: Math.round(text.length / (medianMs / 1000)),
    compromiseCharsPerSecond: Math.round(text.length / (compromiseMs / 1000)),
    speedupOverCompromise: Math.round((compromiseMs / medianMs) * 10) / 10,
    weightsLoadCpuMs: Math.round(median(loadCpu) * 10) / 10,
    charsPerCpuSecond: Math.round(text.length / (median(cpu) / 1000)),
    speedupOverCompromiseCpu: Math.round((median(compromiseCpu) / median(cpu)) * 10) / 10,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)));
}
