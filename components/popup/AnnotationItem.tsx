import { useState } from 'preact/hooks';
import { deleteAnnotation, restoreAnnotation, updateAnnotation } from '../../storage/annotations';
import { CLAIM_STATUS_LABELS, type Annotation, type AnnotationPatch } from '../../storage/types';
import { Markdown, safeHttpUrl } from '../shared/Markdown';
import { QuoteChange } from '../shared/QuoteChange';
import { AnnotationEditor } from './AnnotationEditor';
import { editPatch, isEditConflict } from '../shared/edit-patch';
import { useFeedback } from './Feedback';
import { ANNOTATION_KIND_WORDS } from '../shared/labels';
import { useServices } from './services';

interface ItemProps {
  annotation: Annotation;
  /** Tags to complete from while editing; without them the editor reads them when opened. */
  knownTags?: readonly string[];
  /** Shows the annotation in its page (This page tab); absent where the page is not open. */
  onOpen?: (annotation: Annotation) => void;
  selection?: { selected: boolean; onToggle: (id: string, selected: boolean) => void };
  /** The side panel marks the note nearest the reader's place in the page. */
  current?: boolean;
}

function shorten(text: string, max = 280): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function AnnotationItem({ annotation, knownTags, onOpen, selection, current = false }: ItemProps) {
  const { db, deps, copyText } = useServices();
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState(false);
  const quote = shorten(annotation.target.quote.exact);
  const changed = annotation.anchor?.quality === 'changed';

  const [overwrite, setOverwrite] = useState(false);

  const save = async (draft: AnnotationPatch) => {
    const patch = editPatch(annotation, draft, overwrite);
    if (!patch) {
      setEditing(false);
      return;
    }
    const saved = await feedback.run(async () => {
      try {
        return await updateAnnotation(db, annotation.id, patch, deps);
      } catch (error) {
        // The reader sees why; their text stays in the editor and the next Save replaces the other version.
        if (isEditConflict(error)) setOverwrite(true);
        throw error;
      }
    });
    if (saved) {
      setEditing(false);
      setOverwrite(false);
    }
  };

  const copy = async () => {
    const done = await feedback.run(async () => {
      const { annotationMarkdown } = await import('../../export/markdown-note');
      await copyText(`${annotationMarkdown(annotation)}\n`);
      return true;
    });
    setCopied(done === true);
  };

  /** Accept: the text the note was found on becomes its quote, at the place it was saved; the next visit re-anchors it. */
  const accept = async (found: string) => {
    const { quote, position } = annotation.target;
    await feedback.run(() =>
      updateAnnotation(db, annotation.id, { target: { ...annotation.target, quote: { ...quote, exact: found }, position: { ...position, end: position.start + found.length } } }, deps),
    );
  };

  const detach = async () => {
    await feedback.run(() => updateAnnotation(db, annotation.id, { detached: true }, deps));
  };

  const remove = async () => {
    const done = await feedback.run(async () => {
      await deleteAnnotation(db, annotation.id, deps);
      return true;
    });
    if (done) feedback.offerUndo(`Deleted “${shorten(annotation.target.quote.exact, 40)}”.`, () => restoreAnnotation(db, annotation.id, deps));
  };

  return (
    <li
      class={`annotation kind-${annotation.kind}${current ? ' current' : ''}`}
      data-annotation-id={annotation.id}
      aria-current={current ? 'location' : undefined}
    >
      <div class="annotation-head">
        {selection && (
          <input
            type="checkbox"
            checked={selection.selected}
            onChange={(e) => selection.onToggle(annotation.id, e.currentTarget.checked)}
            aria-label={`Select: ${shorten(annotation.target.quote.exact, 60)}`}
          />
        )}
        <span class={`swatch color-${annotation.color}`} aria-hidden="true" />
        <span class="kind">{ANNOTATION_KIND_WORDS[annotation.kind]}</span>
        {changed && (
          <span class="badge warn" title="The text around this note changed since you made it">
            changed
          </span>
        )}
        {annotation.claim && (
          <span class={`badge status-${annotation.claim.status}`}>
            {CLAIM_STATUS_LABELS[annotation.claim.status]}
            {annotation.claim.verdict ? ` · ${annotation.claim.verdict}` : ''}
          </span>
        )}
      </div>
      {onOpen ? (
        <button type="button" class="quote" onClick={() => onOpen(annotation)} aria-label={`Show in page: ${quote}`}>
          {quote}
        </button>
      ) : (
        <blockquote class="quote">{quote}</blockquote>
      )}
      {changed && annotation.anchor?.found !== undefined && (
        <div class="changed">
          <QuoteChange before={annotation.target.quote.exact} after={annotation.anchor.found} />
          <div class="actions">
            <button type="button" onClick={() => void accept(annotation.anchor?.found ?? '')} aria-label={`Accept the new text: ${shorten(annotation.anchor.found, 60)}`}>
              Accept
            </button>
            <button type="button" onClick={() => void detach()} aria-label={`Detach from the changed text: ${shorten(annotation.target.quote.exact, 60)}`}>
              Detach
            </button>
          </div>
        </div>
      )}
      {annotation.note && !editing && <Markdown text={annotation.note} class="markdown note" />}
      {annotation.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} class="chip">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      {annotation.claim && annotation.claim.evidence.length > 0 && !editing && (
        <ul class="evidence" aria-label="Evidence">
          {annotation.claim.evidence.map((e, i) => {
            const href = safeHttpUrl(e.url);
            return (
              <li key={i}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {e.note || e.url}
                  </a>
                ) : (
                  e.note || e.url
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <AnnotationEditor annotation={annotation} knownTags={knownTags} onSave={save} onCancel={() => setEditing(false)} />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setEditing(true)} aria-label={`Edit: ${shorten(annotation.target.quote.exact, 60)}`}>
            Edit
          </button>
          <button type="button" onClick={remove} aria-label={`Delete: ${shorten(annotation.target.quote.exact, 60)}`}>
            Delete
          </button>
          <button type="button" onClick={copy} aria-label={`Copy as Markdown: ${shorten(annotation.target.quote.exact, 60)}`}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
    </li>
  );
}
