import { describe, expect, it, vi } from 'vitest';
import type { PageActions } from '../../../components/page/page-state';
import { handleTabMessage, tabHandlers, type TabTarget } from '../../../page/tab-messages';
import type { TabStatus } from '../../../storage/api';

const STATUS: TabStatus = { articleId: 'a', isArticle: true, entities: [], claims: [], orphans: 2, textChanged: false };

function fakeSession() {
  const calls: string[] = [];
  const actions = {
    scrollToAnnotation: vi.fn((id: string) => void calls.push(`scroll ${id}`)),
    highlightSelection: vi.fn(async () => void calls.push('highlight')),
    noteSelection: vi.fn(async () => void calls.push('note')),
    stepClaim: vi.fn((d: number) => void calls.push(`step ${d}`)),
  } as unknown as PageActions;
  const session: TabTarget = {
    status: () => STATUS,
    actions,
    start: vi.fn(async () => void calls.push('start')),
    pointer: {
      takeSelection: () => void calls.push('selection'),
      focusToolbar: () => void calls.push('focus toolbar'),
    } as unknown as TabTarget['pointer'],
  };
  return { session, calls, handlers: tabHandlers(session) };
}

describe('tab messages', () => {
  it('answers status, scroll-to and annotate-anyway from the session', async () => {
    const { handlers, calls, session } = fakeSession();
    expect(await handleTabMessage(handlers, { type: 'tab/status' })).toEqual(STATUS);
    expect(await handleTabMessage(handlers, { type: 'tab/scroll-to', annotationId: 'x1' })).toBe(true);
    expect(await handleTabMessage(handlers, { type: 'tab/annotate-anyway' })).toBe(true);
    expect(session.start).toHaveBeenCalledWith(true);
    expect(calls).toEqual(['scroll x1', 'start']);
  });

  it('reads the selection before running a keyboard command', async () => {
    const { handlers, calls } = fakeSession();
    await handleTabMessage(handlers, { type: 'tab/command', command: 'note-selection' });
    await handleTabMessage(handlers, { type: 'tab/command', command: 'next-claim' });
    await handleTabMessage(handlers, { type: 'tab/command', command: 'annotate-selection' });
    expect(calls).toEqual(['selection', 'note', 'selection', 'step 1', 'selection', 'focus toolbar']);
  });

  it('leaves messages that are not tab messages unanswered', () => {
    const { handlers } = fakeSession();
    for (const message of [null, 'tab/status', { type: 'page/visit' }, { type: 'toString' }, { type: '__proto__' }]) {
      expect(handleTabMessage(handlers, message)).toBeUndefined();
    }
  });
});
