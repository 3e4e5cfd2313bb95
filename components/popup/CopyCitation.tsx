// "Copy citation": the article's reference in the reader's chosen style (APA, MLA, Chicago), put on the clipboard.
// The reference is formatted where the Markdown export's are (PopupServices.formatReferences: a worker in the
// extension), so building the style's citation engine never blocks the popup.
import { useState } from 'preact/hooks';
import { getSettings, saveSettings } from '../../storage/settings';
import { DEFAULT_SETTINGS, type Article, type CitationStyle } from '../../storage/types';
import { useLiveQuery } from '../shared/use-live-query';
import { CitationStyleSelect } from './ExportPanel';
import { useFeedback } from './Feedback';
import { useServices } from './services';

export function CopyCitation({ article, idPrefix }: { article: Article; idPrefix: string }) {
  const { db, deps, copyText, formatReferences } = useServices();
  const feedback = useFeedback();
  const style = (useLiveQuery(() => getSettings(db), [db]).value ?? DEFAULT_SETTINGS).citationStyle;
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    setCopied(null);
    const text = await feedback.run(async () => {
      const { toCslJson } = await import('../../export/citation');
      const [citation = ''] = await formatReferences([toCslJson(article, deps.now())], style);
      await copyText(citation);
      return citation;
    });
    if (text) setCopied(text);
  };

  const choose = (next: CitationStyle) => {
    setCopied(null);
    void feedback.run(() => saveSettings(db, { citationStyle: next }));
  };

  return (
    <div class="copy-citation">
      <label for={`${idPrefix}-citation-style`}>Citation style</label>
      <CitationStyleSelect id={`${idPrefix}-citation-style`} value={style} onChange={choose} />
      <button type="button" onClick={copy}>
        Copy citation
      </button>
      <p class="hint" role="status">
        {copied ? `Copied: ${copied}` : null}
      </p>
    </div>
  );
}
