// Sends the serialised page to the background for Readability, in parts (storage/api.ts PAGE_HTML_PART), each in
// its own task, so no single message serialisation holds the page's main thread for long.
import type { ReaderOutput } from '../detect/article';
import { PAGE_HTML_PART } from '../storage/api';
import type { Ask } from './messaging';

/**
 * Readability's findings on `html` (serialised page markup), computed in the background's DOM: the offscreen document
 * in Chromium, the background page in Firefox. Throws BackgroundError when the background cannot be reached.
 */
export async function readPage(html: string, ask: Ask): Promise<ReaderOutput | null> {
  const id = crypto.randomUUID();
  const count = Math.max(1, Math.ceil(html.length / PAGE_HTML_PART));
  let result: ReaderOutput | null = null;
  // The page was serialised in the current task; the first part goes out in the next one.
  await new Promise((done) => setTimeout(done, 0));
  for (let index = 0; index < count; index += 1) {
    const part = html.slice(index * PAGE_HTML_PART, (index + 1) * PAGE_HTML_PART);
    // Each await resumes in a new task: one part's serialisation per task.
    result = await ask({ type: 'article/read', id, index, count, html: part });
  }
  performance.mark('newslens:read');
  return result;
}
