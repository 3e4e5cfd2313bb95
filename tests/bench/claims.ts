// Throughput of findClaims on ~100 KB of news text (the seed article and the labelled sentences, grouped
// into paragraphs and repeated). Run directly: npx tsx tests/bench/claims.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findClaims } from '../../detect/claims';
import { findEntities } from '../../detect/entities';

const TARGET_CHARS = 100_000;
const SENTENCES_PER_PARAGRAPH = 4;
const WARMUP_RUNS = 3;
const RUNS = 7;

function benchText(): string {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
  const sentences = ['claims-dev.json', 'claims-heldout.json'].flatMap(
    (name) => (JSON.parse(readFileSync(join(fixtures, 'labelled', name), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text),
  );
  const paragraphs = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8').split('\n').filter((p) => p.trim());
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) {
    paragraphs.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < TARGET_CHARS; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

interface Timing {
  wallMs: number;
  /** CPU time of this process: steadier than wall time on a machine shared with other jobs. */
  cpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// The first call (firstClaimsCallMs) is what a page pays once; the median after warm-up is the steady rate.
function measure(fn: () => unknown): Timing {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

export async function run(): Promise<Record<string, number>> {
  const text = benchText();
  const coldStart = performance.now();
  const entities = findEntities(text);
  const entitiesDone = performance.now();
  const coldCpu = process.cpuUsage();
  const claims = findClaims(text, { entities });
  const coldCpuUsed = process.cpuUsage(coldCpu);
  const firstEntitiesMs = entitiesDone - coldStart;
  const firstClaimsMs = performance.now() - entitiesDone;
  const claimsOnly = measure(() => findClaims(text, { entities }));
  const withEntities = measure(() => findClaims(text));
  const perSecond = (ms: number) => Math.round(text.length / (ms / 1000));
  return {
    chars: text.length,
    claims: claims.length,
    firstEntitiesCallMs: Math.round(firstEntitiesMs),
    firstClaimsCallMs: Math.round(firstClaimsMs),
    firstClaimsCallCpuMs: Math.round((coldCpuUsed.user + coldCpuUsed.system) / 1000),
    claimsMedianMs: Math.round(claimsOnly.wallMs),
    claimsCharsPerSecond: perSecond(claimsOnly.wallMs),
    claimsCpuCharsPerSecond: perSecond(claimsOnly.cpuMs),
    withEntityDetectionMedianMs: Math.round(withEntities.wallMs),
    withEntityDetectionCharsPerSecond: perSecond(withEntities.wallMs),
    withEntityDetectionCpuCharsPerSecond: perSecond(withEntities.cpuMs),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)));
}
