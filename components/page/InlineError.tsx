/** A failed action's message next to the control that failed; role=alert so screen readers announce it. */
export function InlineError({ message, id, testId }: { message: string | null | undefined; id?: string; testId?: string }) {
  if (!message) return null;
  return (
    <p id={id} class="nl-inline-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
