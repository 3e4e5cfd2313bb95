import { useState } from 'preact/hooks';
import { listTags } from '../../storage/annotations';
import { useLiveQuery } from '../shared/use-live-query';
import { useServices } from './services';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, HIGHLIGHT_COLORS, type Annotation, type AnnotationPatch, type ClaimStatus, type Evidence, type HighlightColor } from '../../storage/types';
import { safeHttpUrl } from '../shared/Markdown';

interface EditorProps {
  annotation: Annotation;
  /**
   * Known tags, most used first, offered as completions. Without them the editor reads them itself (`listTags`) while
   * open: a list of notes does not read every tag of the library just in case one is edited.
   */
  knownTags?: readonly string[];
  onSave: (patch: AnnotationPatch) => void;
  onCancel: () => void;
}

function parseTagInput(value: string): string[] {
  return value.split(',').map((t) => t.trim()).filter(Boolean);
}

interface EvidenceDraft {
  url: string;
  note: string;
}

/** Checks every evidence link; only http(s) links are kept, anything else is reported by row number. */
function validateEvidence(rows: readonly EvidenceDraft[]): { evidence: Evidence[]; error: string | null } {
  const evidence: Evidence[] = [];
  for (const [i, row] of rows.entries()) {
    if (!row.url.trim() && !row.note.trim()) continue;
    const url = safeHttpUrl(row.url.trim());
    if (!url) return { evidence, error: `Evidence link ${i + 1} must be a web address starting with http:// or https://.` };
    evidence.push({ url, note: row.note.trim() });
  }
  return { evidence, error: null };
}

export function AnnotationEditor({ annotation, knownTags: given, onSave, onCancel }: EditorProps) {
  const { db } = useServices();
  const read = useLiveQuery(() => (given ? given : listTags(db)), [db, given]).value;
  const knownTags = given ?? read ?? [];
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [color, setColor] = useState<HighlightColor>(annotation.color);
  const [status, setStatus] = useState<ClaimStatus>(annotation.claim?.status ?? 'unstarted');
  const [verdict, setVerdict] = useState(annotation.claim?.verdict ?? '');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>(
    annotation.claim?.evidence.length ? annotation.claim.evidence.map((e) => ({ ...e })) : [{ url: '', note: '' }],
  );
  const [error, setError] = useState<string | null>(null);
  const isClaim = annotation.kind === 'claim';
  const base = `edit-${annotation.id}`;

  // Complete the tag being typed (after the last comma) from the known tags.
  const typed = tags.split(',').pop()?.trim().toLowerCase() ?? '';
  const chosen = new Set(parseTagInput(tags).map((t) => t.toLowerCase()));
  const suggestions = typed ? knownTags.filter((t) => t.startsWith(typed) && !chosen.has(t)).slice(0, 6) : [];

  const completeTag = (tag: string) => {
    const parts = tags.split(',');
    parts[parts.length - 1] = ` ${tag}`;
    setTags(`${parts.join(',').replace(/^\s+/, '')}, `);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const patch: AnnotationPatch = { note, tags: parseTagInput(tags), color };
    if (isClaim) {
      const checked = validateEvidence(evidence);
      if (checked.error) {
        setError(checked.error);
        return;
      }
      patch.claim = { ...annotation.claim, status, verdict: verdict.trim(), evidence: checked.evidence };
    }
    onSave(patch);
  };

  const setEvidenceRow = (index: number, field: keyof EvidenceDraft, value: string) =>
    setEvidence((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  return (
    <form class="editor" onSubmit={submit} aria-label="Edit annotation">
      <label for={`${base}-note`}>Note (Markdown)</label>
      <textarea id={`${base}-note`} rows={4} value={note} onInput={(e) => setNote(e.currentTarget.value)} />

      <label for={`${base}-tags`}>Tags (comma-separated)</label>
      <input
        id={`${base}-tags`}
        type="text"
        autoComplete="off"
        value={tags}
        onInput={(e) => setTags(e.currentTarget.value)}
        aria-describedby={suggestions.length ? `${base}-suggestions` : undefined}
      />
      {suggestions.length > 0 && (
        <div id={`${base}-suggestions`} class="suggestions" role="group" aria-label="Tag suggestions">
          {suggestions.map((tag) => (
            <button key={tag} type="button" class="chip" onClick={() => completeTag(tag)}>
              #{tag}
            </button>
          ))}
        </div>
      )}

      <fieldset class="colors">
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} class={`swatch-label color-${c}`}>
            <input type="radio" name={`${base}-color`} value={c} checked={color === c} onChange={() => setColor(c)} />
            <span>{c}</span>
          </label>
        ))}
      </fieldset>

      {isClaim && (
        <fieldset class="claim-fields">
          <legend>Fact check</legend>
          <label for={`${base}-status`}>Status</label>
          <select id={`${base}-status`} value={status} onChange={(e) => setStatus(e.currentTarget.value as ClaimStatus)}>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <label for={`${base}-verdict`}>Verdict</label>
          <input id={`${base}-verdict`} type="text" value={verdict} onInput={(e) => setVerdict(e.currentTarget.value)} />
          {evidence.map((row, i) => (
            <div class="evidence-row" key={i}>
              <label for={`${base}-ev-url-${i}`}>Evidence link {i + 1}</label>
              <input
                id={`${base}-ev-url-${i}`}
                type="text"
                inputMode="url"
                placeholder="https://"
                value={row.url}
                onInput={(e) => setEvidenceRow(i, 'url', e.currentTarget.value)}
              />
              <label for={`${base}-ev-note-${i}`}>Evidence note {i + 1}</label>
              <input id={`${base}-ev-note-${i}`} type="text" value={row.note} onInput={(e) => setEvidenceRow(i, 'note', e.currentTarget.value)} />
            </div>
          ))}
          <button type="button" onClick={() => setEvidence((rows) => [...rows, { url: '', note: '' }])}>
            Add evidence link
          </button>
        </fieldset>
      )}

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
