import type { Article } from '../../storage/types';
import { safeHttpUrl } from '../shared/Markdown';

function formatDate(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function ArticleHeader({ article, level = 3 }: { article: Article; level?: 2 | 3 }) {
  const href = safeHttpUrl(article.url);
  const Heading = level === 2 ? 'h2' : 'h3';
  const title = article.title || article.url;
  return (
    <header class="article-header">
      <Heading class="article-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
      </Heading>
      <p class="meta">
        {[article.siteName, article.authors.map((author) => author.name).join(', '), formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
      </p>
    </header>
  );
}
