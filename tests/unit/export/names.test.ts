import { describe, expect, it } from 'vitest';
import { isOrganizationName, parseName } from '../../../export/names';

describe('parseName', () => {
  it.each([
    ['Jane Doe', { kind: 'person', given: 'Jane', family: 'Doe' }],
    ['  By  Rick Allan Roe ', { kind: 'person', given: 'Rick Allan', family: 'Roe' }],
    ['Doe, Jane', { kind: 'person', given: 'Jane', family: 'Doe' }],
    ['Jan van der Berg', { kind: 'person', given: 'Jan', family: 'van der Berg' }],
    ['Martin Luther King Jr.', { kind: 'person', given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Иван Петров', { kind: 'person', given: 'Иван', family: 'Петров' }],
    ['Reuters', { kind: 'organization', name: 'Reuters' }],
    ['Associated Press', { kind: 'organization', name: 'Associated Press' }],
    ['The Editorial Board', { kind: 'organization', name: 'The Editorial Board' }],
  ])('reads %j', (raw, parsed) => {
    expect(parseName(raw)).toEqual(parsed);
  });

  it('treats an author named like the site as the organisation', () => {
    expect(isOrganizationName('Daily Example', 'daily example')).toBe(true);
    expect(isOrganizationName('Emily Post')).toBe(false);
  });
});
