import { describe, expect, it } from 'vitest';
import { editPatch, isEditConflict } from '../../../../components/shared/edit-patch';
import type { Annotation } from '../../../../storage/types';

const saved: Annotation = {
  id: '6f1c1a52-8d0e-4b7e-9a35-2f6f3c1e9b10',
  articleId: 'a',
  kind: 'claim',
  target: { source: 'https://news.example.com/a', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
  color: 'pink',
  note: 'n',
  tags: ['a', 'b'],
  claim: { status: 'in_progress', verdict: '', evidence: [{ url: 'https://x.example/', note: '' }] },
  createdAt: '2025-03-06T10:00:00.000Z',
  updatedAt: '2025-03-06T10:15:00.000Z',
  deletedAt: null,
};

describe('editPatch', () => {
  it('sends only the fields the reader changed, with the version they started from', () => {
    expect(editPatch(saved, { note: 'n', tags: ['a', 'b'], color: 'blue' })).toEqual({ color: 'blue', baseUpdatedAt: saved.updatedAt });
  });

  it('treats a claim review built in another key order as unchanged', () => {
    const same = { evidence: [{ note: '', url: 'https://x.example/' }], verdict: '', status: 'in_progress' as const };
    expect(editPatch(saved, { claim: same, note: 'n' })).toBeNull();
    expect(editPatch(saved, { claim: { ...same, status: 'false' } })).toMatchObject({ claim: { status: 'false' } });
  });

  it('leaves out the base version when the reader chose to overwrite after a conflict', () => {
    expect(editPatch(saved, { tags: ['c'] }, true)).toEqual({ tags: ['c'] });
    expect(isEditConflict({ code: 'conflict' })).toBe(true);
    expect(isEditConflict(new Error('quota'))).toBe(false);
  });
});
