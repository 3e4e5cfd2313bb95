import { describe, expect, it } from 'vitest';
import { authorFromName, cleanAuthorCandidate, isOrganizationName } from '../../../detect/article-authors';

const person = (name: string) => ({ name, kind: 'person' });
const org = (name: string) => ({ name, kind: 'organization' });

describe('cleanAuthorCandidate: one cleaner for every byline source', () => {
  it.each([
    ['By Steven Musil', [person('Steven Musil')]],
    ['by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', [person('Steven Musil')]],
    ['Sarah Archer Feed Sarah Archer is the author of The Mid-Century Kitchen', [person('Sarah Archer')]],
    ['Sarah Archer Sarah Archer', [person('Sarah Archer')]],
    ['By Ann Lee, Bo Chan and Cy Diaz', [person('Ann Lee'), person('Bo Chan'), person('Cy Diaz')]],
    ['Ann Lee & Bo Chan', [person('Ann Lee'), person('Bo Chan')]],
    ['Written by Ann Lee | Updated 3 hours ago', [person('Ann Lee')]],
    ['By Jo Kay, 18 March 2024', [person('Jo Kay')]],
    ['Jo Kay @jokay', [person('Jo Kay')]],
    [
      'By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project',
      [person('Daniel Kahn Gillmor')],
    ],
    ['Jane Doe, Reuters', [person('Jane Doe'), org('Reuters')]],
    ['Staff Reporter', [org('Staff Reporter')]],
    ['By Our Foreign Staff', [org('Our Foreign Staff')]],
    ['JOE HILDEBRAND', [person('JOE HILDEBRAND')]],
  ])('%j', (raw, expected) => {
    expect(cleanAuthorCandidate(raw)).toEqual(expected);
  });

  it('gives nothing for text that is not a name', () => {
    for (const raw of ['', 'By', '·', 'https://example.com/staff/ann', '12 March 2024', 'Follow us on Twitter']) {
      expect(cleanAuthorCandidate(raw), raw).toEqual([]);
    }
  });

  it('keeps "Family, Given" whole when told the source lists one person per value', () => {
    expect(cleanAuthorCandidate('Doe, Jane', { split: false })).toEqual([person('Doe, Jane')]);
  });

  it('takes the kind the source states over the name', () => {
    expect(cleanAuthorCandidate('The Ledger Investigations', { kind: 'organization' })).toEqual([org('The Ledger Investigations')]);
  });
});

describe('organisations are never people', () => {
  it.each(['Agence France-Presse', 'Al Jazeera', 'Associated Press', 'The Associated Press', 'BBC News', 'Reuters', 'AFP', 'Business Desk', 'Herald Sun Staff', 'Sky News', 'Press Association'])(
    '%s',
    (name) => {
      expect(isOrganizationName(name)).toBe(true);
      expect(authorFromName(name)).toEqual(org(name));
    },
  );

  it.each(['Helen Marsh', 'Jeffrey Gettleman', 'Ben Newsom', 'Daniel Press-Jones'])('%s is a person', (name) => {
    expect(authorFromName(name)).toEqual(person(name));
  });
});
