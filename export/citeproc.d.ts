// The part of citeproc-js (npm citeproc) that export/reference-engine.ts uses; the package ships no types.
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveItem(id: string): unknown;
    retrieveLocale(lang: string): unknown;
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { development_extensions: { wrap_url_and_doi: boolean } };
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[], nosort?: boolean): string[];
    /** [formatting parameters with each entry's item ids (entry_ids[i] for entry i), one string per entry] */
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
