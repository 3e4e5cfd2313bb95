// Builders shared by the in-page UI tests: a real store, fake actions and small realistic state pieces.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import type { Claim, EntityRecord } from '../../detect/types';
import { PageApp } from '../../components/page/PageApp';
import {
  createStore,
  INITIAL_PAGE_STATE,
  type PageActions,
  type PageState,
  type PlacedAnnotation,
} from '../../components/page/page-state';
import type { Annotation } from '../../storage/types';

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export const RECT = { top: 200, left: 100, width: 180, height: 20 };

export function fakeActions() {
  return {
    highlightSelection: vi.fn(async () => {}),
    noteSelection: vi.fn(async () => {}),
    tagSelection: vi.fn(async (_tags: string[]) => {}),
    trackSelectionAsClaim: vi.fn(async () => {}),
    trackClaim: vi.fn(async (_index: number) => {}),
    acceptChange: vi.fn(async (_id: string) => {}),
    detachAnnotation: vi.fn(async (_id: string) => {}),
    updateAnnotation: vi.fn(async () => {}),
    deleteAnnotation: vi.fn(async (_id: string) => {}),
    openAnnotation: vi.fn(),
    toggleKind: vi.fn(),
    highlightAllMentions: vi.fn(),
    stepClaim: vi.fn(),
    scrollToAnnotation: vi.fn(),
    closeCard: vi.fn(),
    holdPreview: vi.fn((_held: boolean) => {}),
    dismissSelection: vi.fn(),
    dismissError: vi.fn(),
    dismissToast: vi.fn(),
    annotateAnyway: vi.fn(),
    setMode: vi.fn(),
    toggleShortcuts: vi.fn(),
  } satisfies PageActions;
}

export const ENTITIES: EntityRecord[] = [
  { entityId: 'e1', canonical: 'Keir Starmer', type: 'person', aliases: ['Starmer', 'Sir Keir Starmer'], count: 5 },
  { entityId: 'e2', canonical: 'Zhao Leji', type: 'person', aliases: ['Zhao'], count: 3 },
  { entityId: 'e3', canonical: 'Xinhua', type: 'organization', aliases: [], count: 2 },
  { entityId: 'e4', canonical: 'Beijing', type: 'place', aliases: [], count: 4 },
  { entityId: 'e5', canonical: 'London', type: 'place', aliases: [], count: 1 },
];

export const CLAIMS: Claim[] = [
  {
    start: 100,
    end: 190,
    text: 'Trade between the two countries rose by 12% last year, the highest level since 2015.',
    score: 0.86,
    band: 'high',
    rank: 1,
    reasons: ['statistic', 'superlative', 'attribution'],
    speaker: 'Zhao Leji',
    quoted: false,
  },
  {
    start: 400,
    end: 470,
    text: '“The agreement will create thousands of jobs,” Starmer said.',
    score: 0.55,
    band: 'medium',
    rank: 2,
    reasons: ['quotation', 'prediction', 'policy'],
    speaker: 'Keir Starmer',
    quoted: true,
  },
  {
    start: 900,
    end: 960,
    text: 'Officials said the talks were constructive.',
    score: 0.2,
    band: 'low',
    rank: 3,
    reasons: [],
    quoted: false,
  },
];

export function annotation(overrides: Partial<Annotation> & { id: string; exact?: string }): Annotation {
  const { exact = 'rose by 12% last year', ...rest } = overrides;
  return {
    createdAt: '2025-03-06T10:15:00.000Z',
    updatedAt: '2025-03-06T10:15:00.000Z',
    deletedAt: null,
    articleId: 'a1',
    kind: 'highlight',
    target: {
      source: 'https://news.example.com/2025/03/05/trade',
      quote: { type: 'TextQuoteSelector', exact, prefix: 'Trade between the two countries ', suffix: ', the highest' },
      position: { type: 'TextPositionSelector', start: 132, end: 132 + exact.length },
    },
    color: 'yellow',
    note: '',
    tags: [],
    ...rest,
  };
}

export function placed(a: Annotation, extra: Partial<PlacedAnnotation> = {}): PlacedAnnotation {
  const orphan = extra.quality === 'orphan';
  return {
    annotation: a,
    quality: 'exact',
    confidence: orphan ? 0 : 1,
    ...(orphan ? {} : { start: a.target.position.start, end: a.target.position.end }),
    ...extra,
  };
}

export function readyState(overrides: Partial<PageState> = {}): PageState {
  return {
    ...INITIAL_PAGE_STATE,
    phase: 'ready',
    isArticle: true,
    articleTitle: 'Trade talks resume',
    groups: ENTITIES,
    claims: CLAIMS,
    claimOrder: (overrides.claims ?? CLAIMS).map((_, i) => i),
    knownTags: ['budget', 'trade', 'trade-deal', 'needs-source', 'Beijing visit'],
    ...overrides,
  };
}

export function renderPage(overrides: Partial<PageState> = {}) {
  const store = createStore<PageState>(readyState(overrides));
  const actions = fakeActions();
  // Like the session: dropping the selection empties it in the state the UI renders.
  actions.dismissSelection.mockImplementation(() => store.set({ selection: null }));
  const view = render(<PageApp store={store} actions={actions} />);
  return { store, actions, ...view };
}
