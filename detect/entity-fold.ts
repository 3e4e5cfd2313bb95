// Matching ignores case and accents because articles spell the same name both ways
// ("Erdoğan" / "Erdogan", "Élysée" / "Elysee") and gazetteers pick one.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

const ASCII = /^[\x00-\x7f]*$/;

export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(COMBINING_MARKS, '').replace(/’/g, "'").toLowerCase();
}

export function slug(name: string): string {
  return fold(name)
    .replace(/['.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
