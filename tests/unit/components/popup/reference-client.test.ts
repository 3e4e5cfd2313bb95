import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromReferences, ToReferences } from '../../../../components/popup/reference-protocol';
import type { CslItem } from '../../../../export/csl-item';

/** A stand-in for the module worker: records what it is sent; the test answers or crashes it. */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<FromReferences>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: ToReferences[] = [];
  terminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(message: ToReferences) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(index: number) {
    const request = this.sent[index]!;
    this.onmessage?.({ data: { id: request.id, ok: true, references: request.items.map((item) => `ref ${item.id}`) } } as MessageEvent<FromReferences>);
  }
  crash() {
    this.onerror?.({ message: 'boom' } as ErrorEvent);
  }
}

const page = (ids: string[]): CslItem[] => ids.map((id) => ({ id, type: 'article-newspaper', title: id, URL: `https://example.org/${id}` }));

async function client(hardwareConcurrency: number) {
  vi.resetModules();
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('navigator', { ...navigator, hardwareConcurrency });
  return import('../../../../components/popup/reference-client');
}

describe('formatReferencesInWorker', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('sends pages in flight together to two workers on a machine with two cores, and answers each with its own references', async () => {
    const { formatReferencesInWorker } = await client(2);
    const first = formatReferencesInWorker(page(['a', 'b']), 'apa');
    const second = formatReferencesInWorker(page(['c']), 'mla');
    expect(FakeWorker.started).toHaveLength(2);
    const [one, two] = FakeWorker.started as [FakeWorker, FakeWorker];
    expect(one.sent.map((m) => m.items.map((i) => i.id))).toEqual([['a', 'b']]);
    expect(two.sent.map((m) => [m.style, m.items.map((i) => i.id)])).toEqual([['mla', ['c']]]);
    two.answer(0);
    one.answer(0);
    await expect(second).resolves.toEqual(['ref c']);
    await expect(first).resolves.toEqual(['ref a', 'ref b']);
    // Both idle again: the next page reuses a worker rather than starting a third.
    const third = formatReferencesInWorker(page(['d']), 'apa');
    expect(FakeWorker.started).toHaveLength(2);
    one.answer(1);
    await expect(third).resolves.toEqual(['ref d']);
  });

  it('keeps to one worker on a single-core machine', async () => {
    const { formatReferencesInWorker, workerLimit } = await client(1);
    const first = formatReferencesInWorker(page(['a']), 'apa');
    const second = formatReferencesInWorker(page(['b']), 'apa');
    expect(FakeWorker.started).toHaveLength(1);
    FakeWorker.started[0]!.answer(0);
    FakeWorker.started[0]!.answer(1);
    await expect(Promise.all([first, second])).resolves.toEqual([['ref a'], ['ref b']]);
    expect([workerLimit(undefined), workerLimit(1), workerLimit(2), workerLimit(16)]).toEqual([1, 1, 2, 2]);
  });

  it('fails only the requests of a worker that crashed, and starts a new one for the next page', async () => {
    const { formatReferencesInWorker } = await client(2);
    const first = formatReferencesInWorker(page(['a']), 'apa');
    const second = formatReferencesInWorker(page(['b']), 'apa');
    const [one, two] = FakeWorker.started as [FakeWorker, FakeWorker];
    one.crash();
    await expect(first).rejects.toThrow('Formatting references failed: boom');
    expect(one.terminated).toBe(true);
    // The other worker is still busy with its page: the next page goes to a worker started in place of the crashed one.
    const third = formatReferencesInWorker(page(['c']), 'apa');
    expect(FakeWorker.started).toHaveLength(3);
    expect(two.sent).toHaveLength(1);
    two.answer(0);
    FakeWorker.started[2]!.answer(0);
    await expect(second).resolves.toEqual(['ref b']);
    await expect(third).resolves.toEqual(['ref c']);
  });
});
