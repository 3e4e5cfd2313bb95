// Which main-thread tasks of a page ran our code, and how long each took, from a Chromium trace.
//
// Long-task and long-animation-frame APIs do not attribute content-script work (isolated worlds are hidden from the
// page's performance timeline), and "with minus without" only gives totals. A DevTools trace does: every top-level
// `RunTask` on the renderer's main thread, and the `EvaluateScript`/`FunctionCall`/`v8.compile` events nested in it,
// which name the script URL (chrome-extension://…). A task is ours when it runs any of our scripts.

import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface ExtensionTasks {
  /** Durations (ms) of every main-thread task that ran extension code, in trace order. */
  tasksMs: number[];
  longestMs: number;
  totalMs: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'FireAnimationFrame']);

/**
 * Traces `page` while `run()` executes and returns the tasks on its main thread that ran code from an extension
 * (`chrome-extension://` script URLs). Durations in ms. Only Chromium (CDP) is supported.
 */
export async function traceExtensionTasks(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<ExtensionTasks> {
  const cdp = await context.newCDPSession(page);
  // playwright-core's typings list only some CDP events; these two are standard Tracing domain events.
  const emitter = cdp as unknown as { on(event: string, listener: (data: never) => void): void; once(event: string, listener: () => void): void };
  const events: TraceEvent[] = [];
  emitter.on('Tracing.dataCollected', (chunk: { value: TraceEvent[] }) => events.push(...chunk.value));
  const complete = new Promise<void>((done) => emitter.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return extensionTasksIn(events);
}

/** The pure half of `traceExtensionTasks`: finds our tasks in a list of trace events (Chrome trace event format). */
export function extensionTasksIn(events: readonly TraceEvent[]): ExtensionTasks {
  const ours = events.filter((e) => SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'));
  const threads = new Set(ours.map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`) && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasksMs: number[] = [];
  const outerEnd = new Map<string, number>();
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    // A task nested in another (a nested run loop) is part of the outer one: count the outermost only.
    const thread = `${task.pid}:${task.tid}`;
    if (task.ts < (outerEnd.get(thread) ?? -1)) continue;
    outerEnd.set(thread, end);
    const runsOurs = ours.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end);
    if (runsOurs) tasksMs.push((task.dur ?? 0) / 1000);
  }
  return {
    tasksMs,
    longestMs: Math.max(0, ...tasksMs),
    totalMs: tasksMs.reduce((sum, ms) => sum + ms, 0),
  };
}
