import { useState } from 'preact/hooks';
import type { ExportBundle } from '../../export/bundle';
import { useFeedback } from './feedback';
import { buildExportFiles, EXPORT_FORMATS, type ExportFormat } from './export-formats';
import { useServices } from './services';
import { recordBackup } from '../../storage/backup-status';

export interface ExportScope {
  key: string;
  label: string;
  /** Goes into the file name, e.g. "all" or the article's title. */
  slug: string;
  load: (now: Date) => Promise<ExportBundle>;
}

export function ExportPanel({ scopes, idPrefix }: { scopes: readonly ExportScope[]; idPrefix: string }) {
  const { db, deps, download } = useServices();
  const feedback = useFeedback();
  const [scopeKey, setScopeKey] = useState(scopes[0]?.key ?? '');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [done, setDone] = useState<string | null>(null);
  const scope = scopes.find((s) => s.key === scopeKey) ?? scopes[0];

  const run = async (event: Event) => {
    event.preventDefault();
    if (!scope) return;
    setDone(null);
    const files = await feedback.run(async () => {
      const now = deps.now();
      const built = await buildExportFiles(format, await scope.load(now), scope.slug, now);
      // A full backup makes everything up to now safe: the backup reminder counts from here.
      if (format === 'backup' && scope.key === 'all') await recordBackup(db, now);
      return built;
    });
    if (!files) return;
    for (const file of files) download(file);
    setDone(files.length === 1 ? `Saved ${files[0]?.fileName}.` : `Saved ${files.length} files.`);
  };

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
      <button type="submit" class="primary">
        Export
      </button>
      <p class="hint" role="status">
        {done}
      </p>
    </form>
  );
}
