import { describe, expect, it } from 'vitest';
import { JsonLdArrayWriter, toJsonLd } from '../../../export/json-ld';

const awkward = [
  { id: 1, text: 'line one\nline two\r\n\ttabbed', nested: { list: [1, [2, { deep: '</script><!--' }]], empty: {}, none: [] } },
  'a bare string with \u2028 and \u2029 and & < >',
  42,
  null,
  [],
  { quote: '"quoted" \\ backslash', emoji: '🦊', lone: '\uD800' },
];

async function written(wrap: (items: unknown, count: number) => unknown, items: readonly unknown[]): Promise<string> {
  const writer = new JsonLdArrayWriter(wrap);
  for (const item of items) writer.push(item);
  const blob = writer.toBlob('application/ld+json');
  expect(blob.type).toBe('application/ld+json');
  return blob.text();
}

describe('JsonLdArrayWriter', () => {
  const nestedWrap = (items: unknown, count: number) => ({ '@context': 'x', total: count, first: { id: 'p1', items }, after: 'tail' });

  it('writes the same text as toJsonLd of the whole value, the array nested or the value itself', async () => {
    for (const count of [0, 1, 2, awkward.length]) {
      const items = awkward.slice(0, count);
      expect(await written(nestedWrap, items)).toBe(toJsonLd(nestedWrap(items, items.length)));
      expect(await written((list) => list, items)).toBe(toJsonLd(items));
    }
  });

  it('stays identical across the ~1 MB pieces it gathers the text in', async () => {
    const items = Array.from({ length: 3_000 }, (_, i) => ({ i, text: `${'word '.repeat(100)}\n<b>${i}</b>` }));
    expect(await written(nestedWrap, items)).toBe(toJsonLd(nestedWrap(items, items.length)));
  });

  it('refuses a value that does not hold the items exactly once at one depth', () => {
    expect(() => new JsonLdArrayWriter(() => ({ none: true }))).toThrow(TypeError);
    expect(() => new JsonLdArrayWriter((items) => [items, items])).toThrow(TypeError);
    const moving = new JsonLdArrayWriter((items, count) => (count === 0 ? { items } : { deeper: { items } }));
    moving.push(1);
    expect(() => moving.toBlob('application/json')).toThrow(TypeError);
  });
});
