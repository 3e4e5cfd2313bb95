import type { EntityMention, EntityRecord } from './types';
import { fold } from './entity-fold';
import { assignEntityIds, canonicalFor, type TypedMention } from './entity-aliases';
import { modernCues, personCues } from './entity-cues';
import { familyNamesAlone } from './entity-consistency';
import { countryModifiers, knownNames, knownOrganisations, seatsOfPower } from './entity-known-names';
import { isEastAsianName } from './names-east-asian';
import { lookupPhrase } from './entity-lexicon';
import { joinKnownPhrases, spansOf, surface, withHonours, withInnerThe, withoutArticles, withoutTitles, type Span } from './entity-spans';
import { docFeatures } from './ner-features';
import { tagDoc } from './ner-decode';
import { decodeWeights, type NerModel } from './ner-model';
import { tokenizeForNer, type NerToken } from './ner-tokens';
import { NER_WEIGHTS } from './ner-weights';

let model: NerModel | undefined;

/**
 * The shipped tagger, decoded on first use (part of the background worker's cold start; measured by
 * `npm run bench`). @throws NerWeightsError when detect/ner-weights.ts is corrupt or stale.
 */
export function entityModel(): NerModel {
  model ??= decodeWeights(NER_WEIGHTS);
  return model;
}

/** Mentions with character offsets from the token spans; `canonical` from our lists when they know the name. */
function toTypedMentions(text: string, tokens: NerToken[], folded: string[], spans: Span[]): TypedMention[] {
  return spans.map((s) => {
    const first = tokens[s.first] as NerToken;
    const last = tokens[s.last] as NerToken;
    const known = lookupPhrase(surface(folded, s));
    const words = s.last - s.first + 1;
    const a = fold(first.text);
    const b = fold(tokens[s.first + 1]?.text ?? '');
    const surnameFirst = s.type === 'person' && (words === 2 ? isEastAsianName(a, b) : words === 3 && isEastAsianName(a, b, fold(last.text)));
    return {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      type: s.type,
      canonical: known?.type === s.type ? known.canonical : undefined,
      surnameFirst,
    };
  });
}

/**
 * People, organisations and places named in plain article text, in text order, never overlapping.
 * Offsets are UTF-16 indices into `text` (text.slice(start, end) === mention.text); mentions of one entity
 * share `entityId`. A learned tagger (detect/ner-model.ts, trained by scripts/train-ner.ts) finds and types
 * the names; rules then keep our conventions (seats of power, honours, countries as modifiers) and merge short
 * forms, acronyms and aliases. `tagger` is the shipped model unless given (`npm run eval:ner --
 * --weights FILE` scores candidate weights through the same pipeline). @throws NerWeightsError when the shipped
 * weights do not load.
 */
export function findEntities(text: string, tagger: NerModel = entityModel()): EntityMention[] {
  const { tokens, doc } = tokenizeForNer(text);
  if (tokens.length === 0) return [];
  const features = docFeatures(doc);
  const tags = tagDoc(tagger.weights, doc, features);
  const folded = features.folded;
  let spans = knownNames(tags, tokens, folded, features.phrases, doc, spansOf(tags, doc));
  spans = seatsOfPower(tokens, folded, withoutArticles(tokens, folded, joinKnownPhrases(folded, spans)));
  spans = modernCues(tokens, folded, personCues(tokens, folded, tags, doc, spans));
  knownOrganisations(folded, spans);
  withoutTitles(tokens, spans);
  withHonours(tokens, spans);
  spans = countryModifiers(tokens, folded, spans);
  spans = familyNamesAlone(tokens, doc, spans);
  withInnerThe(tokens, features.initial, spans);
  return assignEntityIds(toTypedMentions(text, tokens, folded, spans)).map(({ start, end, text: mentionText, type, entityId }) => ({
    start,
    end,
    text: mentionText,
    type,
    entityId,
  }));
}

/** One record per entityId, with the fullest name as canonical and every other spelling as an alias. */
export function groupEntities(mentions: EntityMention[]): EntityRecord[] {
  const byId = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const list = byId.get(m.entityId);
    if (list) list.push(m);
    else byId.set(m.entityId, [m]);
  }
  return [...byId.entries()].map(([entityId, list]) => {
    const type = list[0]?.type ?? 'person';
    const canonical = canonicalFor(type, list.map((m) => m.text));
    const aliases = [...new Set(list.map((m) => m.text))].filter((a) => fold(a) !== fold(canonical));
    return { entityId, canonical, type, aliases, count: list.length };
  });
}
