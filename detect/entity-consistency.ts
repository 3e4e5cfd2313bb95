import type { NerDoc, NerToken } from './ner-tokens';
import { fold } from './entity-fold';
import { CAPITAL, type Span } from './entity-spans';
import { isEastAsianName } from './names-east-asian';

/**
 * A person's family name (the given name in East Asian order: "Xi" of "Xi Jinping") used alone elsewhere in the
 * document is that person, when the tagger left it untagged or called it MISC (one sense per name, Krishnan and
 * Manning 2006). Only lone capitalised words outside every span are added, never the edge of a longer capitalised
 * name. Measured with the Viterbi tagger: the full rule (every untagged repeat of any tagged name takes its majority
 * type) cost 0.3 to 0.5 points F1 on the modern tuning data and gained nothing on CoNLL or our news, while this part
 * costs nothing there and links the seed article's "Xi".
 */
export function familyNamesAlone(tokens: NerToken[], doc: NerDoc, spans: Span[]): Span[] {
  const short = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'person' || s.last === s.first) continue;
    const first = fold(tokens[s.first]?.text ?? '');
    const second = fold(tokens[s.first + 1]?.text ?? '');
    short.add(fold(tokens[isEastAsianName(first, second) ? s.first : s.last]?.text ?? ''));
  }
  if (short.size === 0) return spans;
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) covered.fill(1, s.first, s.last + 1);
  const capitalAt = (k: number, i: number) => k >= 0 && k < tokens.length && doc.sentence[k] === doc.sentence[i] && CAPITAL.test(tokens[k]?.text ?? '');
  const added: Span[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (covered[i] === 1 || !CAPITAL.test(tokens[i]?.text ?? '') || !short.has(fold(tokens[i]?.text ?? ''))) continue;
    if ((capitalAt(i - 1, i) && covered[i - 1] === 0) || capitalAt(i + 1, i)) continue;
    added.push({ first: i, last: i, type: 'person' });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}
