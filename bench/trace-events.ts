// What the trace scripts (`embed-trace.ts`, `kiosk-trace.ts`, `console-trace.ts`) share: a
// Chromium trace event, the page's main thread, and its time by kind of work.

/** One event of a Chromium trace (the fields these scripts read). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

/** What each trace event counts as. */
export const KINDS: Record<string, string> = {
  ParseHTML: 'HTML parse',
  'v8.compile': 'script parse and compile',
  'v8.compileModule': 'script parse and compile',
  'v8.produceModuleCache': 'script parse and compile',
  EvaluateScript: 'script evaluation',
  'v8.evaluateModule': 'script evaluation',
  FunctionCall: 'script evaluation',
  FireAnimationFrame: 'script evaluation',
  TimerFire: 'script evaluation',
  RunMicrotasks: 'script evaluation',
  'v8.runMicrotasks': 'script evaluation',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

/**
 * The time in ms by kind of work of `onMain` (one thread's complete events, in time order) that
 * began by `end` (µs, the trace's clock). Events nest (a FunctionCall inside an EvaluateScript),
 * so only the outermost event of these kinds is counted.
 */
export function timeByKind(onMain: readonly TraceEvent[], end: number): Record<string, number> {
  const totals: Record<string, number> = {};
  let outerEnd = 0;
  for (const event of onMain) {
    const kind = KINDS[event.name];
    if (!kind || event.ts < outerEnd || event.ts > end) continue;
    outerEnd = event.ts + (event.dur ?? 0);
    totals[kind] = (totals[kind] ?? 0) + (event.dur ?? 0) / 1000;
  }
  return totals;
}

/**
 * The complete events of the page's main thread, in time order: the thread that parsed the HTML
 * of `url` (a prefix of it will do, such as the origin), not another renderer's main thread
 * (about:blank has one too). Empty when no such parse is in the trace.
 */
export function pageMainThread(events: readonly TraceEvent[], url: string): TraceEvent[] {
  const parse = events.find(
    (event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.startsWith(url) === true,
  );
  if (!parse) return [];
  return events
    .filter((event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
}
