// Builds a page the size of the heaviest saved news page (yahoo-2: over 1 MB of HTML) around a real article fixture:
// a large inline app-state script, deep wrapper nesting, a mega-menu, a related-stories rail with linked headings and
// blurbs inside the same <main> as the story, and a link-heavy footer. Deterministic, so runs are comparable.

const WORDS = 'market council energy grid transit harbour budget inquiry climate ministry vote league court'.split(' ');

function phrase(i: number, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k += 1) out.push(WORDS[(i * 7 + k * 3) % WORDS.length]!);
  return out.join(' ');
}

function wrap(html: string, depth: number, tag = 'div'): string {
  let out = html;
  for (let d = 0; d < depth; d += 1) out = `<${tag} class="Pos(r) Z(${d}) D(f) wrapper-${d}">${out}</${tag}>`;
  return out;
}

/** The article fixture's <body> content inside ~1.2 MB of the furniture a large portal page carries. */
export function heavyPage(articleHtml: string): string {
  const head = /<head>([\s\S]*?)<\/head>/i.exec(articleHtml)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(articleHtml)?.[1] ?? articleHtml;
  const state = { stores: Array.from({ length: 6_000 }, (_, i) => ({ id: `item-${i}`, title: phrase(i, 12), url: `/news/${i}` })) };
  const menu = Array.from({ length: 40 }, (_, s) =>
    `<li class="menu-section"><a href="/section/${s}">${phrase(s, 2)}</a><ul>${Array.from(
      { length: 25 },
      (_, i) => `<li><a href="/section/${s}/${i}">${phrase(s * 25 + i, 3)}</a></li>`,
    ).join('')}</ul></li>`,
  ).join('');
  const rail = Array.from(
    { length: 600 },
    (_, i) =>
      wrap(
        `<h3 class="story-title"><a href="/news/related-${i}.html">${phrase(i, 9)}</a></h3><p class="summary">${phrase(i + 3, 24)}.</p>`,
        4,
      ),
  ).join('');
  const footer = Array.from({ length: 800 }, (_, i) => `<a href="/footer/${i}">${phrase(i, 2)}</a>`).join(' · ');
  return `<!DOCTYPE html>
<html lang="en"><head>${head}
<script>window.__APP_STATE__ = ${JSON.stringify(state)};</script>
</head><body>
<header><nav class="mega-menu"><ul>${menu}</ul></nav></header>
<main id="content">${wrap(`<div class="story-column">${body}</div>`, 12)}
<section class="related-rail" aria-label="More stories">${rail}</section>
</main>
<footer class="site-footer">${footer}</footer>
</body></html>`;
}
