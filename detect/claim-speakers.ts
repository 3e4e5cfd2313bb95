// Who made a claim: the subject of a reporting verb ("Downing Street said"), its inverted form
// ("said Louise Haigh"), "according to X", a pronoun resolved to the last subject ("He said"), or, for a bare
// quote, the speaker named in the neighbouring sentence ("Starmer added:" / "..., Starmer said.").

import { quoteSpans } from './claim-quotes';
import type { SentenceSpan } from './sentences';
import type { EntityMention, EntityType } from './types';

export interface SpeakerEntity {
  canonical: string;
  type: EntityType;
}

export interface SpeakerContext {
  text: string;
  sentences: SentenceSpan[];
  /** Mentions sorted by start. */
  mentions: EntityMention[];
  entityOf: (mention: EntityMention) => SpeakerEntity;
}

interface SentenceInfo {
  speaker?: string;
  /** Person or organisation the sentence is about, for resolving "he"/"it" in the next one. */
  subjectPerson?: string;
  subjectGroup?: string;
  endsWithColon: boolean;
  quoteOnly: boolean;
  opensQuote: boolean;
  startsWithQuote: boolean;
  hasQuote: boolean;
}

const REPORTING_VERB =
  /\b(?:said|says|say|told|tells|added|adds|stated|announced|confirmed|confirms|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|explained|wrote|writes|tweeted|posted|replied|responded|acknowledged|admitted|denied|denies|revealed|estimated|estimates|predicted|concluded|reported|accused|alleged|disclosed|praised|criticised|criticized|described)\b/gu;
const ACCORDING_TO = /\baccording to\s+/giu;
const PRONOUN_BEFORE = /\b(he|she|they|it)\s+(?:(?:also|later|then|had|has|have|previously|earlier|repeatedly|once|again|further|publicly)\s+){0,2}$/iu;
// Between a subject and its verb: nothing, a role ("Severnside Water spokesperson"), an adverb or auxiliary or two,
// a time phrase, or an appositive in commas ("Prof Alan Mbeki, a doctor at ..., said").
const SUBJECT_GAP =
  /^(?:['’]s\s+\p{Ll}+(?:\s+\p{Ll}+)?)?(?:\s+(?:spokes(?:person|man|woman)|officials?|representatives?|sources?|statement))?\s*(?:(?:,[^,“”"]{1,140},)|(?:\s*\b(?:also|later|then|had|has|have|previously|earlier|on \p{Lu}\p{Ll}+|in a statement|on Twitter|on X)\b)){0,2}\s*,?\s*$/u;
// Inverted attribution follows a quote or a clause: "..., said Dr Nadia Osei" / "“...,” said Reeves".
const BEFORE_INVERTED = /[,”"’]\s*$/u;
const MAX_SUBJECT_CANDIDATES = 3;
const INVERTED_GAP = /^\s*(?:(?:\p{Lu}[\p{L}.-]*|the|of|for)\s+){0,4}$/u;
const CAPITALISED_PHRASE = /((?:\p{Lu}[\p{L}&’'.-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}&’'.-]*|of|for|and|\d+)){0,5})\s*$/u;
const NOT_NAMES = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'But', 'And', 'In', 'On', 'Officials', 'Police', 'Ministers', 'Critics', 'Experts', 'Analysts', 'Researchers', 'Scientists', 'Doctors', 'Sources', 'Asked']);


function insideAny(pos: number, ranges: [number, number][]): boolean {
  return ranges.some(([a, b]) => pos > a && pos < b);
}

function mentionsIn(ctx: SpeakerContext, s: SentenceSpan, from: number): { list: EntityMention[]; next: number } {
  let i = from;
  while (i < ctx.mentions.length && ctx.mentions[i]!.start < s.start) i++;
  const list: EntityMention[] = [];
  let j = i;
  while (j < ctx.mentions.length && ctx.mentions[j]!.end <= s.end) {
    list.push(ctx.mentions[j]!);
    j++;
  }
  return { list, next: i };
}

function fallbackName(before: string): string | undefined {
  const m = CAPITALISED_PHRASE.exec(before);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
  const name = words.join(' ');
  return /^\p{Lu}/u.test(name) ? name : undefined;
}

interface Resolution {
  speaker?: string;
  pronoun?: string;
}

function speakerForVerb(
  ctx: SpeakerContext,
  s: SentenceSpan,
  mentions: EntityMention[],
  verbStart: number,
  verbEnd: number,
): Resolution | undefined {
  const abs = s.start + verbStart;
  const absEnd = s.start + verbEnd;
  const candidates = mentions.filter((m) => m.end <= abs).reverse().slice(0, MAX_SUBJECT_CANDIDATES);
  for (const m of candidates) {
    const gap = ctx.text.slice(m.end, abs);
    if (/[“”"]/.test(gap)) break;
    if (!SUBJECT_GAP.test(gap)) continue;
    const entity = ctx.entityOf(m);
    // A place is a speaker only as a bare subject ("China said"), not in "China’s ambassador said".
    if (entity.type !== 'place' || /^\s*$/.test(gap)) return { speaker: entity.canonical };
  }
  const lead = ctx.text.slice(s.start, abs);
  const pronoun = PRONOUN_BEFORE.exec(lead);
  if (pronoun) return { pronoun: pronoun[1]!.toLowerCase() };
  if (BEFORE_INVERTED.test(lead)) {
    const after = mentions.find(
      (m) => m.start >= absEnd && INVERTED_GAP.test(ctx.text.slice(absEnd, m.start)) && ctx.entityOf(m).type !== 'place',
    );
    if (after) return { speaker: ctx.entityOf(after).canonical };
  }
  const tail = lead.replace(/\s+$/, '');
  // A lone capitalised first word is usually a common noun ("Protesters accused ..."), not a name.
  const name = /[\p{L}\d]$/u.test(tail) && /\s/.test(tail.trim()) ? fallbackName(tail) : undefined;
  return name ? { speaker: name } : undefined;
}

function speakerForAccordingTo(ctx: SpeakerContext, s: SentenceSpan, mentions: EntityMention[], at: number): string | undefined {
  const abs = s.start + at;
  const m = mentions.find((x) => x.start >= abs && x.start - abs <= 30);
  if (m) return ctx.entityOf(m).canonical;
  const rest = /^(?:the\s+)?((?:\p{Lu}[\p{L}&’'.-]*)(?:\s+(?:\p{Lu}[\p{L}&’'.-]*|of|for|and))*)/u.exec(s.text.slice(at));
  return rest ? rest[1]!.replace(/\s+(?:of|for|and)$/u, '') : undefined;
}

function resolvePronoun(pronoun: string, infos: SentenceInfo[], index: number): string | undefined {
  for (let k = index - 1; k >= 0 && k >= index - 3; k--) {
    const info = infos[k]!;
    const found = pronoun === 'he' || pronoun === 'she' ? info.subjectPerson : (info.subjectGroup ?? info.subjectPerson);
    if (found) return found;
  }
  return undefined;
}

function analyseSentence(ctx: SpeakerContext, s: SentenceSpan, mentions: EntityMention[]): SentenceInfo & { pronoun?: string } {
  const spans = quoteSpans(s.text);
  const quotes: [number, number][] = spans.map((q) => [q.start, q.end]);
  const quotedChars = quotes.reduce((n, [a, b]) => n + (b - a), 0);
  const info: SentenceInfo & { pronoun?: string } = {
    endsWithColon: /:\s*$/.test(s.text),
    hasQuote: quotes.length > 0,
    quoteOnly: quotes.length > 0 && quotedChars >= s.text.length - 2,
    opensQuote: spans.some((q) => !q.closed),
    startsWithQuote: spans[0]?.start === 0,
  };
  const person = mentions.find((m) => ctx.entityOf(m).type === 'person' && !insideAny(m.start - s.start, quotes));
  const group = mentions.find((m) => ctx.entityOf(m).type === 'organization' && !insideAny(m.start - s.start, quotes));
  if (person) info.subjectPerson = ctx.entityOf(person).canonical;
  if (group) info.subjectGroup = ctx.entityOf(group).canonical;

  ACCORDING_TO.lastIndex = 0;
  const according = ACCORDING_TO.exec(s.text);
  if (according && !insideAny(according.index, quotes)) {
    const speaker = speakerForAccordingTo(ctx, s, mentions, according.index + according[0].length);
    if (speaker) info.speaker = speaker;
    return info;
  }
  REPORTING_VERB.lastIndex = 0;
  for (let m = REPORTING_VERB.exec(s.text); m; m = REPORTING_VERB.exec(s.text)) {
    if (insideAny(m.index, quotes)) continue;
    const resolved = speakerForVerb(ctx, s, mentions, m.index, m.index + m[0].length);
    if (!resolved) continue;
    if (resolved.speaker) info.speaker = resolved.speaker;
    if (resolved.pronoun) info.pronoun = resolved.pronoun;
    break;
  }
  return info;
}

/** The speaker of every sentence (undefined where nobody is named or implied), in sentence order. */
export function resolveSpeakers(ctx: SpeakerContext): (string | undefined)[] {
  const infos: (SentenceInfo & { pronoun?: string })[] = [];
  let cursor = 0;
  for (const s of ctx.sentences) {
    const { list, next } = mentionsIn(ctx, s, cursor);
    cursor = next;
    const info = analyseSentence(ctx, s, list);
    if (info.pronoun) {
      const resolved = resolvePronoun(info.pronoun, infos, infos.length);
      if (resolved) info.speaker = resolved;
      // "He said Starmer was welcome": the subject is still whoever "he" was, not the first name in the sentence.
      if (resolved && (info.pronoun === 'he' || info.pronoun === 'she')) info.subjectPerson = resolved;
    }
    if (info.speaker) info.subjectPerson ??= info.speaker;
    infos.push(info);
  }
  return infos.map((info, i) => {
    if (info.speaker || !info.hasQuote) return info.speaker;
    const prev = infos[i - 1];
    const next = infos[i + 1];
    if (prev?.endsWithColon && prev.speaker) return prev.speaker;
    // A quote left open runs into the next paragraph, which carries the attribution.
    if (info.opensQuote && next?.speaker && next.startsWithQuote) return next.speaker;
    // A quote paragraph after an attributed one usually continues the same speaker.
    if (info.quoteOnly && prev?.speaker) return prev.speaker;
    if (info.quoteOnly && next?.speaker && next.startsWithQuote) return next.speaker;
    return undefined;
  });
}
