import type { EntityType } from './types';
import { NOTABLE_ORGS } from './gazetteer-notable-orgs';
import { KNOWN_ORGS } from './gazetteer-orgs';
import { CITIES, COUNTRIES, REGIONS } from './gazetteer-places';
import { COMMON_WORDS, DEMONYMS, ORG_WORDS, PLACE_WORDS } from './gazetteer-words';
import { FAMILY_NAMES } from './names-family';
import { GIVEN_NAMES } from './names-given';

// Word lists are folded (lower case, no accents). Generated lists arrive as "a|b|c" strings:
// parsing them on first use keeps module start-up free for pages that never run detection.
function lazySet(...sources: string[]): () => ReadonlySet<string> {
  let set: Set<string> | undefined;
  return () => (set ??= new Set(sources.flatMap((s) => s.split('|'))));
}

export const givenNames = lazySet(GIVEN_NAMES);
export const familyNames = lazySet(FAMILY_NAMES);
export const commonWords = lazySet(COMMON_WORDS, 'government|state|media|officials|ministers');
export const demonyms = lazySet(
  DEMONYMS,
  'western|eastern|northern|southern|central|olympic|anglo|sino|euro|british|english|scottish|welsh|irish|french|' +
    'spanish|dutch|swiss|danish|swedish|finnish|polish|turkish|kurdish|flemish|portuguese|japanese|vietnamese|' +
    'lebanese|sudanese|senegalese|congolese|maltese|nepalese|taiwanese|burmese|israeli|iraqi|kuwaiti|saudi|' +
    'pakistani|bangladeshi|yemeni|qatari|omani|somali|afghan|hispanic|latino|arab|muslim|christian|jewish|' +
    'hindu|sikh|buddhist|catholic|protestant|orthodox|sunni|shia|european|asian|african|islamic|soviet|nazi|' +
    'communist|democratic|republican',
);
export const orgHeadWords = lazySet(
  ORG_WORDS,
  'party|fc|afc|plc|ag|sa|nv|gmbh|ministry|parliament|assembly|congress|senate|court|agency|forces|force|' +
    'police|council|authority|commission|bank|exchange|office|league|alliance|front|movement|institution|' +
    'network|airport|railway|railways|rail|club|foundation|trust|charity|fund|organisation|organization|' +
    'executive|cabinet|army|navy|guard|brigade|regiment|command|unit|institute|academy|hospitals|nhs|ltd|inc',
);
export const placeHeadWords = lazySet(
  PLACE_WORDS,
  'sea|ocean|channel|strait|gulf|bay|river|lake|mount|mountains|hills|valley|island|islands|peninsula|' +
    'province|county|state|region|district|square|bridge|stadium|arena|park|street|road|avenue|lane|croft|' +
    'heath|common|green|palisades|heights|springs|beach|coast|desert|forest|plain|plains|basin|delta|east|west',
);
const countries = lazySet(COUNTRIES);
const regions = lazySet(REGIONS);
const cities = lazySet(CITIES);
const knownOrgs = lazySet(KNOWN_ORGS);

/** Words that introduce a person's name without being part of it ("President Donald Trump"). */
export const TITLE_HEADS = new Set(
  (
    'president|vice-president|premier|chancellor|minister|secretary|senator|sen|governor|gov|mayor|king|queen|' +
    'prince|princess|pope|general|gen|colonel|col|captain|capt|commander|admiral|sergeant|sgt|lieutenant|lt|' +
    'chairman|chairwoman|chair|director|inspector|detective|superintendent|constable|judge|justice|professor|' +
    'prof|dr|doctor|mr|mrs|ms|miss|mx|rev|reverend|bishop|archbishop|cardinal|rabbi|imam|sheikh|emir|speaker|' +
    'ambassador|commissioner|councillor|cllr|spokesman|spokeswoman|spokesperson|coach|manager|boss|founder|' +
    'director-general|secretary-general|chief|executive|officer|rep|representative|congressman|congresswoman|' +
    'sultan|emperor|empress|crown|marshal|officer|pc|dc|ds|di|dci|mp|mep|msp|ceo|striker|midfielder|defender|' +
    'goalkeeper|skipper|leader|attorney'
  ).split('|'),
);

/** Words that may precede a title without being a name: "Health Secretary", "Shadow Chancellor". */
export const TITLE_MODIFIERS = new Set(
  (
    'prime|deputy|vice|acting|interim|former|shadow|foreign|home|health|defence|defense|finance|trade|' +
    'business|education|justice|culture|energy|environment|transport|treasury|chief|senior|junior|assistant|' +
    'first|grand|supreme|lord|high|state|executive|managing|police|district|opposition|party|general|' +
    'detective|chief|crown|head|team|club|project|lead|principal|new|incoming|outgoing|then'
  ).split('|'),
);

/** Honours that are part of how a person is named in British news ("Sir Keir Starmer"). */
export const NAME_HONOURS = new Set(['sir', 'dame', 'lord', 'lady', 'baroness', 'baron']);

/** Lower-case words allowed inside a multi-word name ("Ursula von der Leyen", "Bank of England"). */
export const NAME_PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'dos', 'das', 'del', 'della', 'la', 'le', 'al', 'el', 'bin',
  'ibn', 'bint', 'ter', 'ten', 'y', 'e',
]);

const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Days never name anything here; months do only inside a name ("Theresa May"). */
export function isDateWord(folded: string, startsName: boolean): boolean {
  return DAYS.has(folded) || (startsName && MONTHS.has(folded));
}

/** Places referred to by their short form, with the name a reader would look up. */
const PLACE_CANONICAL: Record<string, string> = {
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom',
  us: 'United States',
  'u.s.': 'United States',
  usa: 'United States',
  'u.s.a.': 'United States',
  america: 'United States',
  'united states': 'United States',
  'united states of america': 'United States',
  uae: 'United Arab Emirates',
  drc: 'Democratic Republic of the Congo',
  channel: 'English Channel',
  'english channel': 'English Channel',
};

/** Seats of power that news uses as the name of the institution inside ("Downing Street said"). */
const SEAT_CANONICAL: Record<string, string> = {
  'downing street': 'Downing Street',
  'number 10': 'Downing Street',
  'no 10': 'Downing Street',
  'no. 10': 'Downing Street',
  'white house': 'White House',
  kremlin: 'Kremlin',
  pentagon: 'Pentagon',
  elysee: 'Élysée',
  'elysee palace': 'Élysée',
  whitehall: 'Whitehall',
  'blue house': 'Blue House',
  zhongnanhai: 'Zhongnanhai',
  'scotland yard': 'Scotland Yard',
  'capitol hill': 'Capitol Hill',
  'foggy bottom': 'Foggy Bottom',
  westminster: 'Westminster',
  holyrood: 'Holyrood',
};

const SEAT_FIRST_WORDS = new Set(Object.keys(SEAT_CANONICAL).map((k) => k.split(' ')[0] ?? ''));

/** Whether a seat-of-power name ("downing street", "number 10") can start with this folded word. */
export function startsSeatOfPower(folded: string): boolean {
  return SEAT_FIRST_WORDS.has(folded);
}

/** Acronyms that name places; any other capitalised acronym in news is most often an organisation. */
const PLACE_ACRONYMS = new Set(['uk', 'us', 'usa', 'uae', 'drc', 'car', 'prc', 'roc', 'dprk', 'gb', 'nyc', 'la']);

/** Capitalised abbreviations that are not names of anything. */
const NOT_ENTITY_ACRONYMS = new Set(
  (
    'ceo|cfo|coo|cto|gdp|gnp|ai|mp|mps|pm|am|tv|gp|gps|vat|hiv|aids|covid|dna|rna|usb|it|ok|id|ev|evs|bst|gmt|' +
    'utc|est|edt|pst|co2|lgbt|lgbtq|ipo|isa|apr|esg|hq|ufo|nft|gcse|gcses|phd|mba|suv|icu|ppe|ivf|agm|atm|pin|' +
    'ftse|mph|kph|km|kg|mw|gw|bc|ad|ps|pps|faq|qc|kc|mbe|obe|cbe|dj|mc|vip|vips|pr|hr|r&d|m&a|a&e|uv|cctv|sms|' +
    'pdf|api|url|pc|ios|os|q1|q2|q3|q4|h1|h2|fy|yoy|cpi|rpi|eps|dvd|cd|lng|lpg|nhs-|ltd|plc|inc|llc|jr|sr|ii|' +
    'iii|iv|vi|vii|viii|ix|xi|xii|rip|omg|lol|asap|aka|eta|tba|tbc|vs|v|i|a'
  ).split('|'),
);

/** Party and movement names that are ordinary words when lower case. */
const PARTY_NAMES = new Set(
  (
    'labour|conservatives|conservative|tories|tory|democrats|republicans|lib dems|liberal democrats|greens|' +
    'snp|ukip|reform|likud|hamas|hezbollah|taliban|bjp|anc|sinn fein|plaid cymru|fidesz|syriza|podemos|' +
    'houthis|wagner|' +
    // Institutions that are ordinary nouns in lower case and proper names when capitalised mid-sentence.
    'parliament|congress|senate|bundestag|knesset|duma|treasury|politburo|commons|fed'
  ).split('|'),
);

export function isCommonWord(folded: string): boolean {
  return commonWords().has(folded);
}
export function isDemonym(folded: string): boolean {
  return demonyms().has(folded);
}
export function isGivenName(folded: string): boolean {
  return givenNames().has(folded);
}
export function isFamilyName(folded: string): boolean {
  return familyNames().has(folded);
}
export function isTitleHead(folded: string): boolean {
  return TITLE_HEADS.has(folded);
}
export function isNotEntityAcronym(folded: string): boolean {
  return NOT_ENTITY_ACRONYMS.has(folded);
}
export function isPlaceAcronym(folded: string): boolean {
  return PLACE_ACRONYMS.has(folded);
}

export interface KnownPhrase {
  type: EntityType;
  canonical?: string;
  /** From a broad list (any city, any brand): not enough on its own for a sentence-initial ordinary word. */
  weak?: boolean;
}

const notableOrgs = new Set(NOTABLE_ORGS);
const CONTINENTS = new Set(
  'europe|asia|africa|antarctica|oceania|arctic|north america|south america|latin america|central america|middle east|far east|south-east asia|southeast asia|east asia|central asia|south asia|west africa|east africa|southern africa|north africa|sub-saharan africa|balkans|caribbean|scandinavia|baltics|sahel|pacific|atlantic'.split('|'),
);

/** What a whole phrase is known to be, from the gazetteers; undefined when unknown. */
export function lookupPhrase(folded: string): KnownPhrase | undefined {
  const seat = SEAT_CANONICAL[folded];
  if (seat) return { type: 'organization', canonical: seat };
  const place = PLACE_CANONICAL[folded];
  if (place) return { type: 'place', canonical: place };
  if (PARTY_NAMES.has(folded) || notableOrgs.has(folded)) return { type: 'organization' };
  if (countries().has(folded) || regions().has(folded) || CONTINENTS.has(folded)) return { type: 'place' };
  if (knownOrgs().has(folded)) return { type: 'organization', weak: true };
  if (cities().has(folded)) return { type: 'place', weak: true };
  return undefined;
}

