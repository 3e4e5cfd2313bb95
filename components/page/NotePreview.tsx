import { Markdown } from '../shared/Markdown';

/** A reader's note with the popup's safe Markdown subset, so a note looks the same on the page and in the popup. */
export function NotePreview({ text }: { text: string }) {
  return <Markdown text={text} class="nl-note-text" />;
}
