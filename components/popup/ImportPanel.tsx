import { useRef, useState } from 'preact/hooks';
import { ImportConflictError, type ImportCounts } from '../../storage/backup-import';
import type { ImportProgress } from './backup-import-run';
import { useFeedback } from './Feedback';
import { useServices } from './services';

function describeCounts(counts: ImportCounts): string {
  const part = (label: string, c: ImportCounts['articles']) =>
    `${label}: ${c.added} added, ${c.updated} updated, ${c.kept} already up to date`;
  return `Imported. ${part('Articles', counts.articles)}. ${part('Notes and highlights', counts.annotations)}.`;
}

type Outcome = { text: string; error: boolean };

/**
 * Checking and writing a backup of thousands of notes shows progress and can be cancelled; nothing is kept then.
 * The work itself runs outside the popup's main thread (services.importBackupFile).
 */
export function ImportPanel() {
  const { importBackupFile } = useServices();
  const feedback = useFeedback();
  const [message, setMessage] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || running.current) return;
    setMessage(null);
    const controller = new AbortController();
    running.current = controller;
    setProgress({ step: 'Checking', done: 0, total: 0 });
    try {
      const outcome = await feedback.run(async (): Promise<Outcome> => {
        try {
          const result = await importBackupFile(file, { signal: controller.signal, onProgress: setProgress });
          if (!result.ok) return { text: `This file was not imported: ${result.error}`, error: true };
          return { text: describeCounts(result.counts), error: false };
        } catch (error) {
          if (controller.signal.aborted) return { text: 'Import cancelled: nothing was changed.', error: false };
          if (error instanceof ImportConflictError) return { text: error.message, error: true };
          throw error;
        }
      });
      if (outcome) setMessage(outcome);
    } finally {
      input.value = '';
      running.current = null;
      setProgress(null);
    }
  };

  return (
    <div class="import-panel">
      <label for="import-backup">Import a NewsLens JSON backup</label>
      <input id="import-backup" type="file" accept=".json,application/json" onChange={onFile} disabled={progress !== null} />
      {progress && (
        <>
          <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} aria-label="Import progress" />
          <button type="button" onClick={() => running.current?.abort()}>
            Cancel import
          </button>
        </>
      )}
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {progress ? `${progress.step}… ${progress.total ? `${progress.done} of ${progress.total}` : ''}` : message?.text}
      </p>
    </div>
  );
}
