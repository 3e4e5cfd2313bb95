import { useRef, useState } from 'preact/hooks';
import type { ExportSource } from '../../export/source';
import type { Progress } from '../../export/slices';
import { getSettings, saveSettings } from '../../storage/settings';
import { CITATION_STYLES, DEFAULT_SETTINGS, type CitationStyle } from '../../storage/types';
import { useLiveQuery } from '../shared/use-live-query';
import { useFeedback } from './Feedback';
import { buildExportFiles, EXPORT_FORMATS, type ExportFormat } from './export-formats';
import { CITATION_STYLE_LABELS } from '../shared/labels';
import { useServices } from './services';
import { recordBackup } from '../../storage/backup-status';

export interface ExportScope {
  key: string;
  label: string;
  /** Goes into the file name, e.g. "all" or the article's title. */
  slug: string;
  load: (now: Date) => Promise<ExportSource>;
}

/** Formats whose output holds a formatted reference, so the citation style matters. */
const CITED_FORMATS: readonly ExportFormat[] = ['markdown', 'markdown-files'];

export function ExportPanel({ scopes, idPrefix }: { scopes: readonly ExportScope[]; idPrefix: string }) {
  const { db, deps, download, formatReferences } = useServices();
  const feedback = useFeedback();
  const settings = useLiveQuery(() => getSettings(db), [db]).value ?? DEFAULT_SETTINGS;
  const [scopeKey, setScopeKey] = useState(scopes[0]?.key ?? '');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = useRef<AbortController | null>(null);
  const scope = scopes.find((s) => s.key === scopeKey) ?? scopes[0];

  const run = async (event: Event) => {
    event.preventDefault();
    if (!scope || running.current) return;
    setDone(null);
    const controller = new AbortController();
    running.current = controller;
    setProgress({ done: 0, total: 0 });
    try {
      const files = await feedback.run(async () => {
        const now = deps.now();
        try {
          const built = await buildExportFiles(format, await scope.load(now), scope.slug, now, { ...settings, references: formatReferences }, {
            signal: controller.signal,
            onProgress: setProgress,
          });
          // A full backup makes everything up to now safe: the backup reminder counts from here.
          if (format === 'backup' && scope.key === 'all') await recordBackup(db, now);
          return built;
        } catch (error) {
          if (controller.signal.aborted) return null;
          throw error;
        }
      });
      if (files === null) setDone('Export cancelled.');
      if (!files) return;
      for (const file of files) download(file);
      setDone(files.length === 1 ? `Saved ${files[0]?.fileName}.` : `Saved ${files.length} files.`);
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  const saveStyle = (style: CitationStyle) => feedback.run(() => saveSettings(db, { citationStyle: style }));

  return (
    <form class="export-panel" onSubmit={run} aria-label="Export">
      {scopes.length > 1 && (
        <>
          <label for={`${idPrefix}-scope`}>What</label>
          <select id={`${idPrefix}-scope`} value={scope?.key} onChange={(e) => setScopeKey(e.currentTarget.value)}>
            {scopes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={`${idPrefix}-format`}>Format</label>
      <select id={`${idPrefix}-format`} value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      {CITED_FORMATS.includes(format) && (
        <>
          <label for={`${idPrefix}-style`}>Reference style in notes</label>
          <CitationStyleSelect id={`${idPrefix}-style`} value={settings.citationStyle} onChange={saveStyle} />
        </>
      )}
      {progress ? (
        <>
          <progress
            max={progress.total || undefined}
            value={progress.total ? progress.done : undefined}
            aria-label="Export progress"
          />
          <button type="button" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="submit" class="primary">
          Export
        </button>
      )}
      <p class="hint" role="status">
        {progress && progress.total > 0 ? `Exporting… ${progress.done} of ${progress.total}` : done}
      </p>
    </form>
  );
}

export function CitationStyleSelect({ id, value, onChange }: { id: string; value: CitationStyle; onChange: (style: CitationStyle) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as CitationStyle)}>
      {CITATION_STYLES.map((style) => (
        <option key={style} value={style}>
          {CITATION_STYLE_LABELS[style]}
        </option>
      ))}
    </select>
  );
}
