import { it } from 'vitest';
import { formatCitation, toBibtex, toCslJson } from '../../../export/citation';
import { budgetArticle } from '../../fixtures/export/sample-data';
const art: any = { ...budgetArticle, siteName: 'news.example.com', authors: [
  { name: '李娜', kind: 'person' }, { name: '山田 太郎', kind: 'person' }, { name: 'Agence France-Presse', kind: 'organization' },
  { name: 'Jane Doe', kind: 'person' }] };
it('x', () => {
for (const s of ['apa', 'mla', 'chicago'] as const) console.log(s, formatCitation(art, s));
const b: any = { ...budgetArticle, authors: [{ name: 'Jane Doe', kind: 'person' }] };
for (const s of ['apa', 'mla', 'chicago'] as const) console.log(s, formatCitation(b, s));
console.log(JSON.stringify(toCslJson(art).author), toBibtex(art));
});
