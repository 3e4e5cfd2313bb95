// One citeproc-js engine per citation style, built on first use and reused for every later reference (an export of
// 5,000 articles builds one engine, not 5,000). The engine is driven directly rather than through citation-js's
// bibliography plugin, which resets the engine and re-reads every item on each call; without citation-js, the worker
// that formats references (components/popup/reference-worker.ts) loads only citeproc, the styles and the locale.
//
// Every reference we print is what a bibliography of exactly that one entry gives. Three parts of a style can only
// matter between two or more entries, so they are removed before the engine is built, and then a page of references is
// formatted as one bibliography with the same text as one bibliography per reference:
// - the citation and bibliography <sort> elements (citeproc skips sorting when a style has no sort keys:
//   CSL.Engine.prototype.updateItems), so the entries come back in the order given;
// - the <citation> element (in-text citations). We never print one, but citeproc renders it for every item it is given,
//   twice, to find and resolve ambiguous citations (CSL.Registry.doinserts, CSL.Disambiguation.run): with a citation
//   that prints only the title and asks for no disambiguation, no year suffix ("2025a") or added given name can appear;
// - the bibliography's subsequent-author-substitute (MLA's "———" for an author repeated from the entry above).
// Measured in Node here: removing the sort keys took building APA's engine from ~1,000 ms to ~100 ms; the title-only
// citation and pages of 50 took 2,500 APA references from ~3.2 s to ~1.6 s of CPU (MLA ~3.2 to ~1.9, Chicago ~4.0 to
// ~2.5; npm run perf:transfer prints the current figures).
// The text is identical to citation-js's plugin, one reference at a time, with the full style
// (tests/unit/export/reference-engine.test.ts).
import CSL from 'citeproc';
import type { CitationStyle } from '../storage/types';
import type { CslItem } from './csl-item';
import apaStyle from './styles/apa.csl?raw';
import chicagoStyle from './styles/chicago-author-date.csl?raw';
import mlaStyle from './styles/modern-language-association.csl?raw';
import englishLocale from './styles/locales-en-US.xml?raw';

const STYLE_XML: Record<CitationStyle, string> = { apa: apaStyle, mla: mlaStyle, chicago: chicagoStyle };
const LOCALE = 'en-US';

/**
 * The one locale the references are written in: US English, the CSL project's locales-en-US.xml
 * (citation-style-language/locales, CC BY-SA 3.0, as @citation-js/plugin-csl 0.9.0 ships it). citeproc asks for the
 * style's default locale and for "en-US" as its fallback; both are this file.
 */
function retrieveLocale(): string {
  return englishLocale;
}

/** A style's XML without its citation and bibliography <sort> elements (see the file comment for why that is safe). */
export function withoutSortKeys(styleXml: string): string {
  return styleXml.replace(/<sort>[\s\S]*?<\/sort>/g, '');
}

/** A <citation> that prints the title and resolves no ambiguity: CSL requires the element, we never print it. */
const TITLE_ONLY_CITATION = '<citation><layout><text variable="title"/></layout></citation>';

/**
 * A style's XML for bibliographies of independent entries: no sort keys, a title-only citation and no
 * subsequent-author-substitute (see the file comment). Throws a TypeError when the style has no <citation> element
 * (every CSL style must have one).
 */
export function forIndependentEntries(styleXml: string): string {
  if (!/<citation\b[\s\S]*?<\/citation>/.test(styleXml)) throw new TypeError('The CSL style has no <citation> element.');
  return withoutSortKeys(styleXml)
    .replace(/<citation\b[\s\S]*?<\/citation>/, TITLE_ONLY_CITATION)
    .replace(/(<bibliography\b[^>]*?)\s+subsequent-author-substitute="[^"]*"/, '$1');
}

/** Formats CSL items as plain-text bibliography entries with one engine, each entry independent of the others. */
export class ReferenceEngine {
  private readonly items = new Map<string, CslItem>();
  private calls = 0;
  private readonly engine: InstanceType<typeof CSL.Engine>;

  /** Builds the engine: one synchronous step (parsing the style and locale), the slow part of a style's first use. */
  constructor(style: CitationStyle) {
    this.engine = new CSL.Engine(
      { retrieveItem: (id) => this.items.get(id), retrieveLocale },
      forIndependentEntries(STYLE_XML[style]),
      LOCALE,
      true,
    );
    this.engine.setOutputFormat('text');
    // Plain text: URLs stay text, never wrapped as links.
    this.engine.opt.development_extensions.wrap_url_and_doi = false;
  }

  /** The item's reference as one line (whitespace collapsed); '' when the style renders nothing. */
  format(item: CslItem): string {
    return this.formatAll([item])[0] ?? '';
  }

  /**
   * Each item's reference, in the order given, as `format` gives it one at a time. One bibliography for all of them:
   * pass a page (tens of items), not thousands, since the engine holds them all until it returns.
   */
  formatAll(items: readonly CslItem[]): string[] {
    // citeproc caches an item's processed data under its id: a fresh id per item makes it read each item as given
    // (the same article cited again with another access date must not come back as before).
    const ids = items.map((item) => {
      const id = `reference-${++this.calls}`;
      this.items.set(id, { ...item, id });
      return id;
    });
    try {
      this.engine.updateItems(ids);
      const bibliography = this.engine.makeBibliography();
      const entries = new Map<string, string>();
      if (bibliography) bibliography[0].entry_ids.forEach((entryIds, i) => entries.set(String(entryIds[0]), bibliography[1][i] ?? ''));
      return ids.map((id) => (entries.get(id) ?? '').replace(/\s+/g, ' ').trim());
    } finally {
      this.items.clear();
    }
  }
}

const engines = new Map<CitationStyle, ReferenceEngine>();

/** The shared engine for `style`, built on first call. */
export function referenceEngine(style: CitationStyle): ReferenceEngine {
  let engine = engines.get(style);
  if (!engine) {
    engine = new ReferenceEngine(style);
    engines.set(style, engine);
  }
  return engine;
}
