// Formats references off the popup's main thread. Building a style's citeproc engine is one synchronous step
// (~100 ms for APA in Node here, several times that on a busy machine) and each reference then takes ~0.6-1 ms: a
// Markdown export of 5,000 articles would otherwise spend seconds of the popup's main thread on them. Each message is
// a page of references, formatted as one bibliography (ReferenceEngine.formatAll). The engine of each style is built
// once in this worker and kept while the popup is open. Started by reference-client.ts.
import { referenceEngine } from '../../export/reference-engine';
import type { FromReferences, ToReferences } from './reference-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToReferences>) => void) | null; postMessage(message: FromReferences): void };

scope.onmessage = (event) => {
  const { id, style, items } = event.data;
  try {
    const engine = referenceEngine(style);
    scope.postMessage({ id, ok: true, references: engine.formatAll(items) });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
