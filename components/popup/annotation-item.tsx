import { useState } from 'preact/hooks';
import { deleteAnnotation, restoreAnnotation, updateAnnotation } from '../../storage/annotations';
import type { Annotation, AnnotationPatch } from '../../storage/types';
import { Markdown, safeHttpUrl } from '../shared/markdown';
import { AnnotationEditor } from './annotation-editor';
import { useFeedback } from './feedback';
import { KIND_LABELS, STATUS_LABELS } from './labels';
import { useServices } from './services';

interface ItemProps {
  annotation: Annotation;
  knownTags: readonly string[];
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

  const save = async (patch: AnnotationPatch) => {
    const saved = await feedback.run(() => updateAnnotation(db, annotation.id, patch, deps));
    if (saved) setEditing(false);
  };

  const copy = async () => {
    const done = await feedback.run(async () => {
      const { annotationMarkdown } = await import('../../export/markdown-note');
      await copyText(`${annotationMarkdown(annotation)}\n`);
      return true;
    });
    setCopied(done === true);
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
        <span class="kind">{KIND_LABELS[annotation.kind]}</span>
        {changed && (
          <span class="badge warn" title="The text around this note changed since you made it">
            changed
          </span>
        )}
        {annotation.claim && (
          <span class={`badge status-${annotation.claim.status}`}>
            {STATUS_LABELS[annotation.claim.status]}
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
