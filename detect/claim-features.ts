// Features for check-worthiness: lexical cues (evidence that a sentence makes, or does not make, a verifiable factual
// assertion) and hashed words and word pairs. The learned weights of both live in claim-model.json. They are
// deliberately lexical and regex-based: compromise tagging measured ~70 KB/s on news text, too slow to run over every
// sentence on top of entity detection.

import { hasDirectQuote } from './claim-quotes';

/** Cue names; claim-score.ts maps the ones a reader can act on to a `ClaimReason`. */
export type FeatureName =
  | 'statistic'
  | 'comparison'
  | 'superlative'
  | 'attribution'
  | 'quotation'
  | 'causal'
  | 'prediction'
  | 'policy'
  | 'plainNumber'
  | 'changeVerb'
  | 'namedEntities'
  | 'manyNamedEntities'
  | 'completedEvent'
  | 'timeAnchor'
  | 'reportedClause'
  | 'question'
  | 'imperative'
  | 'boilerplate'
  | 'greeting'
  | 'firstPersonStance'
  | 'evaluative'
  | 'hedge'
  | 'deontic'
  | 'secondPerson'
  | 'feeling'
  | 'exclamation'
  | 'veryShort'
  | 'noFinalPunctuation'
  | 'shortSentence'
  | 'longSentence'
  | 'firstPersonFuture'
  | 'stanceWithFigure'
  | 'firstOrEver'
  | 'notEnglish';

export type FeatureCounts = Partial<Record<FeatureName, number>>;

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|dozens|hundreds|thousands|millions|billions)`;
const UNIT = String.raw`(?:%|per ?cent|percent|percentage points?|pp|bn|tn|m|k|billion|million|trillion|thousand|km|kilometres?|kilometers?|miles?|kg|tonnes?|tons?|cm|mm|metres?|meters?|c\b|°c?|mph|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|times|seats|votes|points|goals|people|patients|deaths|cases|jobs|homes|children|adults|staff|workers|members|votes|light years)`;

const MEASURED_QUANTITY = new RegExp(
  String.raw`[£$€¥₹]\s?${NUMBER}|\b${NUMBER}\s?(?:[\p{L}-]+\s)?${UNIT}(?![\p{L}])|\b\d{1,3}(?:,\d{3})+\b|\b${NUMBER_WORD}(?:-| )${UNIT}(?![\p{L}])|\b(?:one|two|three|four|nine) (?:in|out of) (?:three|four|five|ten|\d+)\b|(?<!\b(?:first|second) )\b(?:half|a third|a quarter|two-thirds|three-quarters|twice|\w+fold|doubled|tripled|halved|quadrupled)\b`,
  'gu',
);
// Digits that are not clock times, so "10am" or "11am" do not pass as statistics.
// Identifiers such as "Number 10" or "Route 66" are names, not quantities.
const PLAIN_NUMBER = /(?<!\b(?:number|no\.?|nos\.?|article|section|route|flight|room|platform|channel|page|chapter|highway|interstate) )\b\d[\d,.]*(?:st|nd|rd|th)?\b(?!\s?(?:am|pm|a\.m\.|p\.m\.))/gu;
const YEAR_ONLY = /^(?:1[89]|20)\d\d$/;

const COMPARISON =
  /\b(?:(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|cheaper|dearer|worse|better|older|younger|longer|shorter|richer|poorer)(?:\s+[\p{L}\d’'-]+){0,5}?\s+than\b|compared (?:with|to)|up from|down from|outpac\w+|overt(?:ook|aken|akes)|exceed\w*|ahead of|behind|than (?:any|ever|in|at|last|before)|as (?:many|much|few|high|low) as)\b/gu;
const CHANGE_VERB =
  /\b(?:(?:went|gone|going|goes|go|come|came|comes) (?:up|down)|rose|risen|rise|rises|rising|fell|fallen|falls|falling|increased|increases|decreased|decreases|declined|declines|dropped|drops|grew|grown|grows|shrank|shrunk|contracted|surged|soared|jumped|climbed|plunged|plummeted|slumped|tumbled|halved|doubled|tripled|cut|cuts|slashed|reduced|raised|lost|gained|hit|reached|topped|passed|retreated|widened|narrowed)\b/gu;
const SUPERLATIVE =
  /\b(?:lowest|highest|largest|biggest|smallest|worst|best|fastest|slowest|hottest|coldest|warmest|wettest|driest|oldest|youngest|longest|shortest|deadliest|strongest|weakest|richest|poorest|cheapest|greatest|heaviest|busiest|most \p{L}|least \p{L}|record|unprecedented)\b|(?:\brecord|\ball-time|-year) (?:lows?|highs?)\b|\bin (?:\p{L}+ ){0,2}history\b|\b(?:in|of) the (?:world|country|nation|state|region|developed world|western world|eu|uk|us|g7|oecd)\b|\bsince records began\b|\bon record\b/gu;
// "first" and "ever" mark records ("the first time since 1974") but far more often colour ("the first question",
// "the best he has ever given"); a cue of their own lets the model weigh them apart from true superlatives.
const FIRST_OR_EVER = /\b(?:first|ever|never before)\b/gu;
const CAUSAL =
  /\b(?:because|due to(?! (?:be|have|take|start|open|close|sign|meet|visit|launch|arrive|begin|end|make|give|hold|attend|return|appear|speak|travel|announce|publish|report|vote|face)\b)|caused|causes|causing|led to|leads to|leading to|as a result|resulted in|result of|driven by|blamed (?:on|for)|linked to|responsible for|contribut\w+ to|thanks to|attributed to|in response to|cause|cures?|cured|prevents?|prevented|kills|killed by|protects? against|spreads?|spreading|triggers?|triggered|reduces? the risk|raises? the risk|increases? the risk)\b/gu;
const PREDICTION =
  /\b(?:will|won't|would|expected to|forecasts?|forecast to|projected|projections?|set to|on course to|on track to|likely to|plans? to|planned|scheduled|is to|are to|due to (?:be|have|take|start|open|close|sign|meet|visit|launch|arrive|begin|end)\w*)\b/gu;
const POLICY =
  /\b(?:laws?|bills?|legislation|act|acts|tax|taxes|taxpayers?|tariffs?|budgets?|bans?|banned|sanctions?|regulations?|regulator|rules|ruled|pact|deals?|agreements?|agreed|treaty|funding|subsid\w+|scheme|reforms?|polic(?:y|ies)|voted|votes?|referendum|signed|passed|approved|rejected|vetoed|introduced|court|courts|judge|fined|charged|arrested|convicted|sentenced|minimum wage|benefits|pensions?|spending|deficit|debt|interest rates?|council tax|strike|strikes|executive order|ceasefire|election|elections|inflation|unemployment|immigration|asylum|border|nhs|military|troops)\b/gu;
const REPORTING =
  /\b(?:said|says|told|tells|added|stated|states|announced|announces|confirmed|confirms|claimed|claims|claim|insisted|insists|warned|warns|argued|argues|noted|wrote|tweeted|acknowledged|admitted|admits|denied|denies|revealed|reveals|estimated|estimates|estimate|predicted|concluded|found|showed|shows|show|reported|reports|accused|alleged|disclosed|according to)\b/gu;
// "said (that) the scheme had cost": a reporting verb followed by a clause, i.e. a reported statement rather than a feeling.
const REPORTED_CLAUSE = new RegExp(
  String.raw`\b(?:said|says|told|confirmed|claimed|claims|claim|insisted|warned|announced|estimated|estimates|estimate|found|showed|show|shows|concluded|denied|admitted|revealed|reported|accused)` +
    String.raw`(?:(?:\s+[\p{L}\d’'-]+){0,5}?\s+that\s+[\p{L}\d£$€]|\s+(?!(?:in|on|at|to|of|with|by|for|during|after|before|last|this|yesterday|earlier|later|afterwards|when|while|as|it|reporters|the\s+(?:bbc|press|guardian|times))\b)(?<!told\s+)[\p{L}\d£$€])`,
  'gu',
);
const COMPLETED_EVENT =
  /\b(?:has|have|had)\s+(?:not\s+|never\s+|now\s+|already\s+|clearly\s+|also\s+)?(?:been\s+)?\p{L}+(?:ed|en|wn|ght|lt|ld|de|ne|un|ck|id)\b|\b(?:was|were)\s+\p{L}+(?:ed|en|wn|ght|lt)\b|\b(?:won|lost|killed|struck|opened|closed|launched|announced|approved|rejected|passed|signed|arrested|charged|fined|resigned|elected|visited|met|agreed|ruled|delivered|built|spent|imposed|introduced|created|moved|supported|opposed|detected|discovered|developed|invaded|collapsed|exploded|crashed|recorded|reported|published|voted|appointed|fired|sold|bought|invested|raised|paid|received|sent|deployed|abolished|scrapped|founded|formed)\b/gu;
const TIME_ANCHOR =
  /\b(?:in|since|by|until|from|before|after|between|during)\s+(?:the\s+)?(?:1[89]|20)\d\ds?\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|yesterday|overnight|last (?:year|month|week|quarter|decade)|this (?:year|month|week)|a year earlier|a decade)\b/gu;

const IMPERATIVE_VERBS = new Set([
  'sign', 'read', 'click', 'tap', 'subscribe', 'join', 'follow', 'download', 'get', 'find', 'discover', 'learn', 'listen',
  'stay', 'keep', 'let', "let's", 'please', 'talk', 'take', 'make', 'tell', 'send', 'register', 'enter', 'remember',
  'imagine', 'consider', 'explore', 'avoid', 'give', 'try', 'go', "don't", 'do', 'see', 'visit', 'contact', 'email',
  'donate', 'help', 'buy', 'save', 'drink', 'eat', 'watch', 'book', 'share', 'check', 'call', 'vote', 'support', 'use',
  'look', 'start', 'like', 'scroll', 'sign-up', 'log', 'login', 'install', 'enjoy', 'meet', 'think', 'ask',
]);
// These are also common nouns at the start of a statement ("Support for the plan has fallen"), so they only count
// as commands when followed by what typically follows a command.
const AMBIGUOUS_IMPERATIVES = new Set(['watch', 'book', 'share', 'check', 'call', 'vote', 'support', 'use', 'look', 'start', 'like', 'help', 'meet', 'think', 'ask', 'drink', 'save', 'do', 'make', 'give']);
const IMPERATIVE_FOLLOWERS = /^(?:the|a|an|our|your|us|me|this|these|it|them|up|out|in|on|now|here|today|more|\d|,)/iu;

const BOILERPLATE =
  /\b(?:newsletters?|subscribe|subscription|subscribers?|sign(?:-| )?up|click here|read more|read the full|full (?:story|article)|cookies?|privacy (?:policy|notice)|terms (?:of use|and conditions)|all rights reserved|copyright|follow us|share this|(?:your|the) inbox|download (?:our|the) app|advertisement|sponsored|additional reporting|reporting by|editing by|photograph:|image:|video:|caption|(?:credit)?photo(?:graph)?(?: illustration)? by|illustration by|appears in print|a version of this (?:article|story)|this (?:article|story) (?:was|has been) (?:amended|updated|corrected)|live updates|listen to this article|min read|latest headlines|follow live)\b|©/u;
const GREETING =
  /^(?:thank you|thanks|good (?:morning|evening|afternoon|night)|hello|hi|welcome|congratulations|cheers)\b|\b(?:thank you|god bless)\b/u;
const FIRST_PERSON_STANCE =
  /\b(?:i|we)(?:'m|’m|'re|’re| am| are)? (?:(?:really|truly|just|absolutely|very|so|always|all) )?(?:think|believe|feel|hope|want|wish|guess|suppose|respect|appreciate|love|like|need|must|should|can|could|would|will|'ll|’ll|going to|gonna|proud|sure|confident|happy|delighted|committed|determined|looking forward|looking|going)\b|\b(?:i|we)(?:'ll|’ll|'d|’d)\b|\bin my (?:view|opinion)\b|\blet me\b|\blet's\b|\blet us\b|\byou know\b/u;
// Promises and intentions ("we will", "I'm going to", "we want to"): in debates the largest group of false alarms that
// carry policy words; kept apart from opinion markers so the model can weigh them separately.
const FIRST_PERSON_FUTURE =
  /\b(?:i|we)(?:'ll|’ll| will| would|'d|’d| shall|'m going to|’m going to| am going to|'re going to|’re going to| are going to| want to| plan to| intend to| promise| pledge| are committed to| am committed to)\b/u;
// A speaker's own report of what they said ("I said", "we told them") is stance, not a reported statement.
const SELF_REPORT = /\b(?:i|we|you)(?:'ve|’ve| have| had)? (?:said|say|says|told|claimed|announced|found|showed|concluded|estimated)\b/u;
const EVALUATIVE =
  /\b(?:shameful|shame|disgrace\w*|terrible|horrible|awful|wonderful|great|amazing|fantastic|brilliant|beautiful|lovely|excellent|exciting|remarkable|incredible|ridiculous|absurd|outrageous|unacceptable|sad|disaster|nonsense|proud|delighted|happy|thrilled|heartbroken|gloomy|optimistic|pessimistic|nervous|tense|calm|quiet|fascinating|gem|deserves?|tough|dream|stunning|magnificent|shocking|scandalous|disappointing|disappointed|uncomfortable)\b/gu;
const HEDGE =
  /\b(?:perhaps|maybe|might|may|arguably|seems?|seemed|appears? to|probably|possibly|unclear|remains to be seen|uncertain|hope|hopes|hoped|could|one day|it is hard)\b/gu;
const DEONTIC = /\b(?:should|must|ought to|needs? to|have to|has to|had better)\b/gu;
const SECOND_PERSON = /\b(?:you|you're|you’re|yourself)\b/gu;
const FEELING =
  /\b(?:felt|feel|feels|feeling|looked|looks|described (?:\p{L}+ ){0,4}as|believes|believed|wants|wanted|smiled|laughed|cried)\b/gu;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

function firstWords(s: string): [string, string] {
  const words = s.replace(/^[“"‘'(\[\s]+/, '').split(/\s+/);
  return [(words[0] ?? '').toLowerCase().replace(/[,.:;!]+$/, ''), words[1] ?? ''];
}

function isImperative(s: string): boolean {
  const [first, second] = firstWords(s);
  if (!IMPERATIVE_VERBS.has(first)) return false;
  if (!AMBIGUOUS_IMPERATIVES.has(first)) return true;
  return IMPERATIVE_FOLLOWERS.test(second) || /^[\p{L}]+,/u.test(s.trimStart());
}

const CAPITALISED_WORD = /(?:^|[\s—–-])[“"‘'(\[]*(\p{Lu})[\p{L}’'.&-]*/gu;

/** Capitalised words other than the sentence's first: a cheap, fast proxy for named entities. */
function countNamedTokens(s: string): number {
  CAPITALISED_WORD.lastIndex = 0;
  let n = 0;
  let firstEnd = -1;
  let firstOpensName = false;
  for (let m = CAPITALISED_WORD.exec(s); m; m = CAPITALISED_WORD.exec(s)) {
    if (m.index === 0) {
      firstEnd = m[0].length;
      continue;
    }
    // The first word is capitalised anyway; it counts only when it opens a multi-word name ("Manchester City").
    if (m.index === firstEnd) firstOpensName = true;
    if (m[0].trim().replace(/^[“"‘'(\[]+/u, '') !== 'I') n++;
  }
  return n + (firstOpensName ? 1 : 0);
}

function countNumbers(s: string): number {
  PLAIN_NUMBER.lastIndex = 0;
  let n = 0;
  for (let m = PLAIN_NUMBER.exec(s); m; m = PLAIN_NUMBER.exec(s)) {
    if (!YEAR_ONLY.test(m[0])) n++;
  }
  return n;
}

// Social posts quoted in articles (and tweet benchmarks) carry links, handles and hashtags; their digits and
// missing full stops say nothing about whether a claim is made.
// The cheap test first: almost no news sentence needs any of this.
const SOCIAL_NOISE = /https?:|pic\.|[#@\u2600-\u27bf\ufe0f\ud83c-\ud83e]/;

function normalise(sentence: string): string {
  if (!SOCIAL_NOISE.test(sentence)) return sentence.trim();
  return sentence
    .replace(/\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+/gu, ' ')
    .replace(/(^|\s)[#@](\p{L}[\p{L}\p{N}_]*)/gu, '$1$2')
    .replace(/[\u2600-\u27bf\ufe0f\u{1f000}-\u{1faff}]+/gu, ' ')
    .trim();
}

// English function words and contractions, the commonest words of any English sentence. When fewer than one word in
// eight of a sentence of six or more words is one of them, the sentence is not English (other languages share few:
// "a", "no", "me"), and the model, trained on English only, has nothing to say about it.
const ENGLISH_FUNCTION_WORDS =
  /(?<![\p{L}'’])(?:the|a|an|of|to|in|and|is|are|was|were|be|been|has|have|had|it|its|it's|that|this|these|those|for|on|with|as|at|by|from|he|she|they|we|i|you|our|their|his|her|my|your|not|will|would|can|could|do|does|did|doesn't|don't|didn't|said|but|or|if|than|more|most|any|all|no|other|over|per|there|what|who|which|about|into|up|out|only|so|very|just|also|after|before|me|us|him|them|let|one|\p{L}+['’](?:s|ve|re|ll|m|d|t))(?![\p{L}'’])/gu;

/**
 * Counts of every cue present in one sentence (absent cues are omitted); the model caps them with `CUE_CAPS`.
 * Links, handles and emoji of social posts are stripped first. Pure and allocation-light: it runs on every sentence.
 */
export function extractFeatures(sentence: string): FeatureCounts {
  const s = normalise(sentence);
  // The lexical cues are written in lower case and matched against a lower-cased copy: case-insensitive
  // Unicode regexes were the slowest part of scoring.
  const lower = s.toLowerCase();
  const bare = s.replace(/[”"’')\]\s]+$/u, '');
  const words = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const f: FeatureCounts = {};
  const set = (name: FeatureName, value: number) => {
    if (value > 0) f[name] = value;
  };
  const measured = count(MEASURED_QUANTITY, lower);
  set('statistic', measured);
  set('plainNumber', measured > 0 ? 0 : countNumbers(lower));
  set('comparison', count(COMPARISON, lower));
  set('changeVerb', count(CHANGE_VERB, lower));
  set('superlative', count(SUPERLATIVE, lower));
  set('firstOrEver', count(FIRST_OR_EVER, lower));
  set('attribution', count(REPORTING, lower));
  set('reportedClause', SELF_REPORT.test(lower) ? 0 : count(REPORTED_CLAUSE, lower));
  set('quotation', hasDirectQuote(s) ? 1 : 0);
  set('causal', count(CAUSAL, lower));
  set('prediction', count(PREDICTION, lower));
  set('policy', count(POLICY, lower));
  const named = countNamedTokens(s);
  set('namedEntities', named > 0 ? 1 : 0);
  set('manyNamedEntities', named > 2 ? 1 : 0);
  set('completedEvent', count(COMPLETED_EVENT, lower));
  set('timeAnchor', count(TIME_ANCHOR, lower));
  set('question', bare.endsWith('?') ? 1 : 0);
  set('imperative', isImperative(s) ? 1 : 0);
  set('boilerplate', BOILERPLATE.test(lower) ? 1 : 0);
  set('greeting', GREETING.test(lower) ? 1 : 0);
  const stance = FIRST_PERSON_STANCE.test(lower);
  set('firstPersonStance', stance ? 1 : 0);
  set('firstPersonFuture', FIRST_PERSON_FUTURE.test(lower) ? 1 : 0);
  // "I think two-thirds of the budget goes to ...": an opinion marker in front of a figure still makes a claim.
  set('stanceWithFigure', stance && (measured > 0 || (f.plainNumber ?? 0) > 0 || (f.comparison ?? 0) > 0) ? 1 : 0);
  set('evaluative', count(EVALUATIVE, lower));
  set('hedge', count(HEDGE, lower));
  set('deontic', count(DEONTIC, lower));
  set('secondPerson', count(SECOND_PERSON, lower));
  set('feeling', count(FEELING, lower));
  set('exclamation', bare.endsWith('!') ? 1 : 0);
  set('veryShort', words < 5 ? 1 : 0);
  set('notEnglish', words >= 6 && count(ENGLISH_FUNCTION_WORDS, lower) * 8 < words ? 1 : 0);
  // Length in bands rather than one cut-off, so the model can learn that short claims exist ("We cut taxes.")
  // while very long debate sentences mix claims with everything else.
  set('shortSentence', words >= 5 && words < 9 ? 1 : 0);
  set('longSentence', words > 30 ? 1 : 0);
  // Headings and promo lines lack a full stop; long unpunctuated text is more likely a post than a heading.
  set('noFinalPunctuation', /[.!?:;]$/u.test(bare) || words > 14 ? 0 : 1);
  return f;
}

/**
 * How many occurrences of each cue count as evidence: a second statistic adds some, a fifth adds nothing.
 * Cue values given to the model are `min(count, cap)`.
 */
export const CUE_CAPS: Readonly<Record<FeatureName, number>> = {
  statistic: 2, plainNumber: 1, comparison: 1, changeVerb: 1, superlative: 2, attribution: 1, reportedClause: 1,
  quotation: 1, causal: 1, prediction: 1, policy: 2, namedEntities: 1, manyNamedEntities: 1, completedEvent: 1,
  timeAnchor: 1, question: 1, imperative: 1, boilerplate: 1, greeting: 1, firstPersonStance: 1, evaluative: 2, hedge: 2,
  deontic: 1, secondPerson: 1, feeling: 1, exclamation: 1, veryShort: 1, noFinalPunctuation: 1, shortSentence: 1,
  longSentence: 1, firstPersonFuture: 1, stanceWithFigure: 1, firstOrEver: 1,
  notEnglish: 1,
};

export const FEATURE_NAMES = Object.keys(CUE_CAPS) as FeatureName[];

// Words, numbers (by shape) and the currency signs that mark money; apostrophes stay inside words ("don't", "we're").
const TOKEN = /[\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)?|\d[\d,.]*|[$£€¥%]/gu;
const YEAR = /^(?:1[89]|20)\d\d$/;
const SENTENCE_START = 0x5e; // "^": the position before the first word, so "^ we" and "^ i" are features of their own.
const CAPITAL = /^\p{Lu}/u;

/** FNV-1a (32-bit) over UTF-16 code units: tiny, deterministic, and identical in Node and the browser. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const CAP_SHAPE = fnv1a('<Cap>');

/** Numbers by shape, not value: "1976" and "1984" are both years, "700,000" and "12" both quantities. */
function tokenKey(token: string): string {
  if (!/^\d/.test(token)) return token.replace('’', "'");
  const digits = token.replace(/[,.]+$/, '');
  if (YEAR.test(digits)) return '<year>';
  if (digits.includes('.')) return '<decimal>';
  return digits.replace(/,/g, '').length >= 4 ? '<bignum>' : '<num>';
}

/**
 * Hashed word, word-pair and shape features of a sentence (the "hashing trick", Weinberger et al., 2009): each
 * lower-cased word, number shape and adjacent pair (including sentence start + first word) maps to one of
 * `2 ** hashBits` buckets; so does a capitalised word after the first as the shape "<Cap>", alone and paired with its
 * neighbours ("<Cap> said", "the <Cap>"), which lets what is learned about one name carry over to names never seen.
 * Returns bucket indices, one per occurrence; a bucket can repeat. `sentence` is the raw sentence text.
 */
export function hashedFeatures(sentence: string, hashBits: number): number[] {
  const mask = (1 << hashBits) - 1;
  const text = normalise(sentence);
  const out: number[] = [];
  let prev = SENTENCE_START;
  let prevShape = SENTENCE_START;
  let first = true;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const h = fnv1a(tokenKey(m[0].toLowerCase()));
    out.push(h & mask);
    // Pair hash: mix the previous word's hash before combining, so "a b" and "b a" land in different buckets.
    out.push((Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ h ^ 0x27d4eb2f) & mask);
    const capitalised = !first && CAPITAL.test(m[0]);
    const shape = capitalised ? CAP_SHAPE : h;
    if (capitalised) out.push(shape & mask);
    if (capitalised || prevShape !== prev) out.push((Math.imul(prevShape ^ 0x7f4a7c15, 0x94d049bb) ^ shape) & mask);
    prevShape = shape;
    prev = h;
    first = false;
  }
  return out;
}
