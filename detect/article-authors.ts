// One cleaner for every author candidate a page offers (JSON-LD, citation_author, article:author, byline markup,
// a "By …" line): bylines carry "By", dates, times, @handles, job titles, bios and "and"-joined lists of people.
// Organisations (wire services, "BBC News", "… Staff") are recognised so they are never split into given/family names.
import type { Author, AuthorKind } from './types';

/**
 * News organisations that sign stories, as they sign them (wire services and broadcasters). Source: the agencies
 * named in the bylines of the saved test pages and the major international wire services (AP, Reuters, AFP, dpa, EFE,
 * ANSA, Kyodo, Xinhua, Yonhap, PA, UPI, Bloomberg).
 */
const KNOWN_ORGANIZATIONS = new Set(
  [
    'AP', 'The Associated Press', 'Associated Press', 'Reuters', 'Thomson Reuters', 'AFP', 'Agence France-Presse',
    'Agence France Presse', 'dpa', 'Deutsche Presse-Agentur', 'EFE', 'ANSA', 'Kyodo', 'Kyodo News', 'Xinhua', 'Yonhap',
    'PA', 'PA Media', 'Press Association', 'UPI', 'United Press International', 'Bloomberg', 'BBC', 'BBC News',
    'BBC Sport', 'Al Jazeera', 'CNN', 'CNN Wire', 'NPR', 'Sky News', 'TASS', 'Interfax', 'ABC News', 'CBS News',
    'NBC News', 'Fox News', 'The Canadian Press', 'Australian Associated Press', 'AAP', 'Press Trust of India', 'PTI',
    'ANI', 'IANS',
  ].map((name) => name.toLowerCase()),
);

/** Names ending in a collective noun are desks, not people ("Our Foreign Staff", "Business Desk", "Herald News"). */
const ORGANIZATION_ENDING =
  /\b(?:staff|desk|news|press|newsroom|team|bureau|agency|agencies|wire|wires|reporters|editors|editorial board|editorial|media|service|correspondents|online)$/i;

/** schema.org types that sign as an organisation. */
export const ORGANIZATION_TYPES = new Set([
  'Organization', 'NewsMediaOrganization', 'Corporation', 'NGO', 'GovernmentOrganization', 'EducationalOrganization',
]);

/** Whether a signature names an organisation rather than a person, from the name alone. */
export function isOrganizationName(name: string): boolean {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    KNOWN_ORGANIZATIONS.has(key) ||
    KNOWN_ORGANIZATIONS.has(key.replace(/^the /, '')) ||
    ORGANIZATION_ENDING.test(key) ||
    UNNAMED_STAFF.test(key)
  );
}

/** A newsroom signing without a name: "Staff Reporter", "Our Correspondent", "Special Correspondent". */
const UNNAMED_STAFF = /^(?:a |our |staff |special |from (?:a|our) )+(?:reporter|correspondent|writer)s?$/i;

/** Words only organisations use in their names ("Geological Survey of the Netherlands", "Ministry of Health"). */
// Whole words only: "Press" names an organisation, "Daniel Press-Jones" a person.
const ORGANIZATION_WORDS =
  /(?<![\p{L}-])(?:news|press|presse|agence|agency|agencies|staff|desk|board|team|newsroom|editors|editorial|reporters|correspondents|service|bureau|media|inc|ltd|llc|corp|corporation|company|group|association|institute|university|council|ministry|department|office|foundation|network|radio|television|tv|survey|times|journal|herald|tribune)(?![\p{L}-])/iu;

/** Han, kana and Hangul: such names are people written family name first, never organisations by shape. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The kind a name known only as text gets (a page's plain byline, a version 1 backup, a claimant typed by the reader):
 * a CJK name is a person; the site's own name, a known or organisation-shaped name, or a one-word Latin-script name is
 * an organisation; anything else is a person.
 */
export function authorFromName(name: string, siteName = ''): Author {
  const cleaned = name.trim();
  let kind: AuthorKind = 'person';
  if (CJK.test(cleaned)) kind = 'person';
  else if (siteName && cleaned.toLowerCase() === siteName.trim().toLowerCase()) kind = 'organization';
  else if (isOrganizationName(cleaned) || ORGANIZATION_WORDS.test(cleaned) || !/[\s,]/.test(cleaned)) kind = 'organization';
  return { name, kind };
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** Where the name part of a byline ends: a date, a time, an update stamp, a bio or a social-media label. */
const TAIL_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b`, 'i'),
  /\d/,
  /\b(?:updated|published|posted|last modified|modified)\b/i,
  /\s(?:is|was|has been|writes|covers|reports)\s(?:a|an|the|for|on|about)\b/i,
  /\b(?:feed|follow|email|e-mail|twitter|facebook|instagram|linkedin|bio|more from|see all|view all|profile)\b/i,
  /@/,
  /\|/,
];

/** Job titles after a name ("Jane Doe, Senior Correspondent"): dropped, not taken for another person. */
const ROLE = /\b(?:correspondent|editor|reporter|writer|contributor|columnist|analyst|producer|journalist|photographer|critic|director|chief|senior|deputy|associate|special to|technologist|fellow|professor|counsel|attorney)\b/i;

const LEAD = /^(?:(?:written|words|reporting|story|text|additional reporting|compiled|edited|posted|published)\s+)?by[:\s]+/i;

const MAX_NAME_CHARS = 80;
const MAX_NAME_WORDS = 7;

function cutTail(text: string): string {
  let end = text.length;
  for (const pattern of TAIL_PATTERNS) {
    const match = pattern.exec(text);
    if (match && match.index < end) end = match.index;
  }
  return text.slice(0, end);
}

/** "Jane Doe Jane Doe" (a name repeated by a widget) becomes "Jane Doe". */
function undouble(name: string): string {
  const words = name.split(' ');
  if (words.length % 2 === 0) {
    const half = words.length / 2;
    const a = words.slice(0, half).join(' ');
    if (a.toLowerCase() === words.slice(half).join(' ').toLowerCase()) return a;
  }
  return name;
}

function tidy(part: string): string {
  return undouble(
    part
      .replace(LEAD, '')
      .replace(/^(?:and|&)\s+/i, '')
      .replace(/^[\s\-–—:·•,;]+|[\s\-–—:·•,;.]+$/g, '')
      .trim(),
  );
}

function plausible(name: string): boolean {
  if (!name || name.length > MAX_NAME_CHARS || name.split(' ').length > MAX_NAME_WORDS) return false;
  if (/^https?:|www\.|\.com\b/i.test(name) || /^by:?$/i.test(name)) return false;
  // A name has letters and starts with one (a stray "·" or "–" is not a name).
  return /^\p{L}/u.test(name);
}

export interface CleanOptions {
  /** Split "A, B and C" into three people (false for citation_author, which is one "Family, Given" per tag). */
  split?: boolean;
  /** The kind the source states (JSON-LD @type); otherwise guessed from the name. */
  kind?: AuthorKind;
}

/**
 * Turns one author candidate into zero or more authors: drops a leading "By", everything from the first date, time,
 * handle, bio sentence or social label on, job titles, and splits "and"/","/"&"/";" joins into several people.
 * Input is any page text (already plain); output names are as the page writes them (case kept).
 */
export function cleanAuthorCandidate(raw: string, options: CleanOptions = {}): Author[] {
  const text = raw.replace(/\s+/g, ' ').trim().replace(LEAD, '');
  const head = cutTail(text);
  const parts = options.split === false ? [head] : head.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\s[-–—]\s)\s*/i);
  const authors: Author[] = [];
  for (const part of parts) {
    const name = tidy(part);
    // A job title after a name ends the names: what follows is the desk or affiliation ("…, Senior Technologist,
    // ACLU Speech"). A title alone ("Staff Reporter") is the signature.
    if (authors.length > 0 && ROLE.test(name) && !isOrganizationName(name)) break;
    if (!plausible(name)) continue;
    const kind = options.kind ?? (isOrganizationName(name) ? 'organization' : 'person');
    authors.push({ name, kind });
  }
  return authors;
}

/** Authors without repeats (case-insensitive), at most `max`, in first-seen order. */
export function uniqueAuthors(authors: Author[], max: number): Author[] {
  const seen = new Set<string>();
  const out: Author[] = [];
  for (const author of authors) {
    const key = author.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(author);
    if (out.length >= max) break;
  }
  return out;
}
