import { describe, expect, it } from 'vitest';
import type { Author } from '../../../detect/types';
import { authorFromName } from '../../../detect/article-authors';
import { citedName } from '../../../export/names';

const person = (name: string): Author => ({ name, kind: 'person' });
const organization = (name: string): Author => ({ name, kind: 'organization' });

describe('citedName', () => {
  it.each([
    ['Jane Doe', { given: 'Jane', family: 'Doe' }],
    ['  By  Rick Allan Roe ', { given: 'Rick Allan', family: 'Roe' }],
    ['Doe, Jane', { given: 'Jane', family: 'Doe' }],
    ['King, Martin Luther, Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Jan van der Berg', { given: 'Jan', family: 'van der Berg' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Иван Петров', { given: 'Иван', family: 'Петров' }],
    // CJK names are family name first.
    ['李娜', { family: '李', given: '娜' }],
    ['欧阳娜娜', { family: '欧阳', given: '娜娜' }],
    ['山田 太郎', { family: '山田', given: '太郎' }],
    ['김민수', { family: '김', given: '민수' }],
    // Cannot be split safely: kept whole rather than split wrongly.
    ['山田太郎', { literal: '山田太郎' }],
    ['Madonna', { literal: 'Madonna' }],
    ['محمد علي', { literal: 'محمد علي' }],
  ])('splits the person %j', (name, parts) => {
    expect(citedName(person(name))).toEqual({ kind: 'person', ...parts });
  });

  it.each(['Agence France-Presse', 'Al Jazeera', 'Geological Survey of the Netherlands', 'Reuters'])('keeps the organisation %j whole', (name) => {
    expect(citedName(organization(name))).toEqual({ kind: 'organization', literal: name });
  });
});

describe('authorFromName (names known only as text: version 1 backups, bylines before author records)', () => {
  it.each([
    ['Reuters', 'organization'],
    ['Associated Press', 'organization'],
    ['Agence France-Presse', 'organization'],
    ['Geological Survey of the Netherlands', 'organization'],
    ['The Editorial Board', 'organization'],
    ['Jane Doe', 'person'],
    ['李娜', 'person'],
    ['山田 太郎', 'person'],
  ] as const)('%j is a %s', (name, kind) => {
    expect(authorFromName(name).kind).toBe(kind);
  });

  it('treats an author named like the site as the organisation', () => {
    expect(authorFromName('Daily Example', 'daily example').kind).toBe('organization');
    expect(authorFromName('Emily Post').kind).toBe('person');
  });
});
