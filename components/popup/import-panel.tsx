import { useState } from 'preact/hooks';
import { importBackup, type ImportCounts } from '../../storage/backup-import';
import { useFeedback } from './feedback';
import { useServices } from './services';

export function describeCounts(counts: ImportCounts): string {
  const part = (label: string, c: ImportCounts['articles']) =>
    `${label}: ${c.added} added, ${c.updated} updated, ${c.kept} already up to date`;
  return `Imported. ${part('Articles', counts.articles)}. ${part('Notes and highlights', counts.annotations)}.`;
}

export function ImportPanel() {
  const { db } = useServices();
  const feedback = useFeedback();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setMessage(null);
    const outcome = await feedback.run(async () => {
      const { parseBackup } = await import('../../export/backup');
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return { text: `This file was not imported: ${parsed.error}`, error: true };
      return { text: describeCounts(await importBackup(db, parsed)), error: false };
    });
    input.value = '';
    if (outcome) setMessage(outcome);
  };

  return (
    <div class="import-panel">
      <label for="import-backup">Import a NewsLens JSON backup</label>
      <input id="import-backup" type="file" accept=".json,application/json" onChange={onFile} />
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text}
      </p>
    </div>
  );
}
