import { describe, expect, it } from 'vitest';
import { exportFileName, noteFileName, slugify } from '../../../export/file-names';

const now = new Date(2026, 10, 26, 12, 0, 0);

describe('exportFileName', () => {
  it.each([
    ['markdown', 'newslens-notes-council-approves-budget-2026-11-26.md'],
    ['csv', 'newslens-highlights-council-approves-budget-2026-11-26.csv'],
    ['backup', 'newslens-backup-council-approves-budget-2026-11-26.json'],
    ['web-annotation', 'newslens-annotations-council-approves-budget-2026-11-26.jsonld'],
    ['claim-review', 'newslens-claimreview-council-approves-budget-2026-11-26.jsonld'],
    ['bibtex', 'newslens-citations-council-approves-budget-2026-11-26.bib'],
    ['csl-json', 'newslens-citations-council-approves-budget-2026-11-26.json'],
  ] as const)('names a %s export', (format, name) => {
    expect(exportFileName(format, 'Council approves: “budget”!', now)).toBe(name);
  });

  it('uses the local calendar date', () => {
    expect(exportFileName('csv', 'x', new Date(2027, 0, 1, 0, 30))).toBe('newslens-highlights-x-2027-01-01.csv');
  });

  it('keeps only safe characters, whatever the scope', () => {
    expect(exportFileName('markdown', '../../etc/passwd', now)).toBe('newslens-notes-etc-passwd-2026-11-26.md');
    expect(exportFileName('markdown', 'Москва 😀', now)).toBe('newslens-notes-2026-11-26.md');
    expect(exportFileName('backup', '', now)).toBe('newslens-backup-2026-11-26.json');
    expect(exportFileName('markdown', 'Café Über Ñandú', now)).toBe('newslens-notes-cafe-uber-nandu-2026-11-26.md');
  });
});

describe('slugify', () => {
  it('shortens long scopes at a word boundary', () => {
    const slug = slugify('The council approved a new budget on Tuesday after a long and heated debate about housing');
    expect(slug).toBe('the-council-approved-a-new-budget-on-tuesday-after');
    expect(slug.length).toBeLessThanOrEqual(50);
  });
});

describe('noteFileName', () => {
  it('keeps the title readable and drops characters file systems and wiki links reject', () => {
    const taken = new Set<string>();
    expect(noteFileName('Who pays? A/B test: "results" #1 [draft]', taken)).toBe('Who pays A B test results 1 draft.md');
    expect(noteFileName('CON', taken)).toBe('CON note.md');
    expect(noteFileName('...', taken)).toBe('Untitled.md');
    expect(noteFileName('   ', taken)).toBe('Untitled (2).md');
    expect(noteFileName('who pays? a/b test: "results" #1 [draft]', taken)).toBe('who pays a b test results 1 draft (2).md');
  });

  it('cuts very long titles without splitting an emoji', () => {
    const name = noteFileName(`${'😀'.repeat(150)}`, new Set());
    expect(name).toBe(`${'😀'.repeat(100)}.md`);
  });
});
