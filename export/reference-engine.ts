// One citeproc-js engine per citation style, built on first use and reused for every later reference (an export of
// 2,500 articles builds one engine, not 2,500). The engine is driven directly rather than through citation-js's
// bibliography plugin, which resets the engine and re-reads every item on each call; without citation-js, the worker
// that formats references (components/popup/reference-worker.ts) loads only citeproc, the styles and the locale.
//
// Each reference is a bibliography of exactly one entry, so the styles' <sort> elements can never change the output
// (citeproc skips sorting when a style has no sort keys: CSL.Engine.prototype.updateItems). They are removed before
// the engine is built: measured in Node here, building the APA engine fell from about 1,000 ms to about 100 ms and each
// reference from about 2.5 ms to about 1.6 ms; the rendered text is identical (tests/unit/export/citation.test.ts).
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

/** Formats one CSL item at a time as a plain-text bibliography entry with one engine, built lazily. */
export class ReferenceEngine {
  private item: CslItem | undefined;
  private calls = 0;
  private readonly engine: InstanceType<typeof CSL.Engine>;

  /** Builds the engine: one synchronous step (parsing the style and locale), the slow part of a style's first use. */
  constructor(style: CitationStyle) {
    this.engine = new CSL.Engine(
      { retrieveItem: (id) => (this.item?.id === id ? this.item : undefined), retrieveLocale },
      withoutSortKeys(STYLE_XML[style]),
      LOCALE,
      true,
    );
    this.engine.setOutputFormat('text');
    // Plain text: URLs stay text, never wrapped as links.
    this.engine.opt.development_extensions.wrap_url_and_doi = false;
  }

  /** The item's reference as one line (whitespace collapsed); '' when the style renders nothing. */
  format(item: CslItem): string {
    // citeproc caches an item's processed data under its id: a fresh id per call makes it read this item as given
    // (the same article cited again with another access date must not come back as before).
    this.item = { ...item, id: `reference-${++this.calls}` };
    this.engine.updateItems([this.item.id]);
    const bibliography = this.engine.makeBibliography();
    return bibliography ? bibliography[1].join('').replace(/\s+/g, ' ').trim() : '';
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
