// CSL-JSON, the item format of the Citation Style Language (what citeproc, Zotero and pandoc read): the fields
// NewsLens writes for a news article.
import type { DateParts } from './dates';

/** A person's name in parts, or an organisation's (or any name kept whole) as a literal. */
export type CslName = { family: string; given: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': [DateParts] };
  accessed?: { 'date-parts': [DateParts] };
  URL: string;
  language?: string;
}
