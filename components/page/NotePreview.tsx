/** A reader's note as plain text: line breaks kept, nothing interpreted. */
export function NotePreview({ text }: { text: string }) {
  return <p class="nl-note-text">{text}</p>;
}
