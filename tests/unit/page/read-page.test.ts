import { describe, expect, it } from 'vitest';
import { receivePagePart } from '../../../entrypoints/background/reader';
import { BackgroundError, type Ask } from '../../../page/messaging';
import { readPage } from '../../../page/read-page';
import { PAGE_HTML_PART } from '../../../storage/api';
import { backgroundFor, senderAt, testHandlers } from '../../support/background';
import { fixedDeps, freshDb } from '../../support/storage';

const STORY = Array.from(
  { length: 12 },
  (_, i) => `<p>Paragraph ${i}: the council said on Tuesday that the harbour works would run over budget by a third, and that the contractor had been asked to explain the delays in writing.</p>`,
).join('');
// Over one part, so the page travels in several messages.
const PAGE = `<!DOCTYPE html><html><head><title>Harbour</title><meta property="og:type" content="article"></head><body><nav>${'<a href="/x">Section</a>'.repeat(10_000)}</nav><article><h1>Harbour works over budget</h1><div class="byline">By Ann Lee</div>${STORY}</article></body></html>`;

describe('reading a page in the background, in parts', () => {
  it('sends a large page in parts, reassembles it in order and answers with Readability on the last part', async () => {
    expect(PAGE.length).toBeGreaterThan(PAGE_HTML_PART);
    const db = freshDb();
    const sent: number[] = [];
    const send = backgroundFor(testHandlers(db, fixedDeps()), senderAt('https://news.example.com/harbour'));
    const ask = (async (message: { html: string }) => {
      sent.push(message.html.length);
      const reply = await send(message);
      if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
      return reply.value;
    }) as unknown as Ask;
    const reader = await readPage(PAGE, ask);
    expect(sent.length).toBe(Math.ceil(PAGE.length / PAGE_HTML_PART));
    expect(Math.max(...sent)).toBeLessThanOrEqual(PAGE_HTML_PART);
    expect(reader?.blocks.flat().join(' ')).toContain('Paragraph 11: the council said');
    expect(reader?.blocks.flat().join(' ')).not.toContain('Section');
    expect(reader?.byline).toBe('By Ann Lee');
  });

  it('rejects a part that arrives out of order instead of reading a garbled page', async () => {
    const id = '00000000-0000-4000-8000-0000000000aa';
    await expect(receivePagePart({ id, index: 1, count: 2, html: '<p>b</p>' })).rejects.toThrow(/out of order/);
    expect(await receivePagePart({ id, index: 0, count: 2, html: '<p>a' })).toBeNull();
    await expect(receivePagePart({ id, index: 0, count: 2, html: '<p>a' })).rejects.toThrow(/out of order/);
  });

  it('reads a one-part page at once', async () => {
    const reader = await receivePagePart({ id: '00000000-0000-4000-8000-0000000000bb', index: 0, count: 1, html: `<html><body><article>${STORY}</article></body></html>` });
    expect(reader?.paragraphs).toBe(12);
    expect(reader?.readerable).toBe(true);
  });
});
