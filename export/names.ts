// One name model for every citation format. Authors arrive as `Author { name, kind }` records from the article
// record (the article finder decides the kind from the page's own evidence). A citation then needs the name in parts:
// - an organisation is never split ("Agence France-Presse" is not "France-Presse, A."): CSL `literal`, BibTeX braces;
// - a person is split into given and family names only where the split is known to be right: Western order names in
//   Latin, Cyrillic and Greek script, the "Family, Given" form, and CJK names, which are written family name first
//   (李娜 → family 李, given 娜; 山田 太郎 → family 山田, given 太郎);
// - anything else (a single name, a Japanese name written without a space, scripts whose order we cannot know) stays
//   whole as a literal, which every citation processor prints as written rather than re-ordering it wrongly.
import type { Author } from '../detect/types';

export type NameParts = { literal: string } | { family: string; given: string; suffix?: string };

/** A cited author: the record's kind plus the parts a citation format writes. */
export type CitedName = { kind: Author['kind'] } & NameParts;

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

// Scripts whose personal names are written given name first, separated by spaces.
const WESTERN_ORDER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}\s.'’\-]+$/u;
const HAN = /^\p{Script=Han}+$/u;
const HANGUL = /^\p{Script=Hangul}+$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・\s]+$/u;

// Chinese two-character surnames (复姓) in use today, simplified and traditional; anything else is one character.
const CHINESE_COMPOUND_SURNAMES = new Set([
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容',
  '令狐', '长孙', '長孫', '宇文', '司徒', '夏侯', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '申屠',
]);
// Korean two-syllable surnames; the rest are one syllable.
const KOREAN_COMPOUND_SURNAMES = new Set(['남궁', '선우', '독고', '제갈', '황보', '사공', '서문']);

/** Whitespace collapsed and a leading "By" dropped: bylines sometimes keep it. */
export function cleanAuthorName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
}

/** The parts of one author's name for a citation (see the file comment for the rules). */
export function citedName(author: Author): CitedName {
  const name = cleanAuthorName(author.name);
  if (author.kind === 'organization') return { kind: 'organization', literal: name };
  return { kind: 'person', ...personParts(name) };
}

/** Cited names of an article's authors, blanks left out. */
export function citedNames(authors: readonly Author[]): CitedName[] {
  return authors.filter((author) => cleanAuthorName(author.name) !== '').map(citedName);
}

function personParts(name: string): NameParts {
  const comma = name.indexOf(',');
  if (comma > 0 && comma < name.length - 1) {
    const family = name.slice(0, comma).trim();
    const rest = name.slice(comma + 1).trim();
    const [given = '', suffix] = rest.split(/\s*,\s*/);
    if (suffix && SUFFIXES.has(suffix.toLowerCase())) return { family, given, suffix };
    return { family, given: rest };
  }
  if (CJK.test(name)) return cjkParts(name);
  if (!WESTERN_ORDER.test(name)) return { literal: name };
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  let suffix: string | undefined;
  const last = words[words.length - 1];
  if (words.length > 2 && last !== undefined && SUFFIXES.has(last.toLowerCase())) {
    suffix = last;
    words.pop();
  }
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has((words[familyStart - 1] ?? '').toLowerCase())) familyStart -= 1;
  const parts = { given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' ') };
  return suffix ? { ...parts, suffix } : parts;
}

/** CJK names are family name first: a space separates them when the page wrote one; otherwise only known surnames split. */
function cjkParts(name: string): NameParts {
  const words = name.split(' ');
  if (words.length === 2) return { family: words[0] ?? '', given: words[1] ?? '' };
  if (words.length > 2) return { literal: name };
  const chars = [...name];
  if (HAN.test(name) && chars.length >= 2) {
    const two = chars.slice(0, 2).join('');
    if (CHINESE_COMPOUND_SURNAMES.has(two) && chars.length >= 3) return { family: two, given: chars.slice(2).join('') };
    // Chinese given names are one or two characters; four Han characters without a space is usually a Japanese
    // name (山田太郎) whose surname length we cannot know, so it stays whole.
    if (chars.length <= 3) return { family: chars[0] ?? '', given: chars.slice(1).join('') };
  }
  if (HANGUL.test(name) && chars.length >= 2 && chars.length <= 4) {
    const two = chars.slice(0, 2).join('');
    const familyLength = KOREAN_COMPOUND_SURNAMES.has(two) && chars.length >= 3 ? 2 : 1;
    return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join('') };
  }
  return { literal: name };
}

