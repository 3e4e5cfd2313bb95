import { entityModel } from '../detect/entities';
import { docFeatures, LABELS } from '../detect/ner-features';
import { tagDoc } from '../detect/ner-model';
import { tokenizeForNer } from '../detect/ner-tokens';
const t = process.argv[2] ?? '';
const { tokens, doc } = tokenizeForNer(t);
const tags = tagDoc(entityModel().weights, doc, docFeatures(doc));
console.log(tokens.map((x, i) => `${x.text}/${LABELS[tags[i]!]}`).join(' '));
