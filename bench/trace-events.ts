// What the trace scripts (`embed-trace.ts`, `kiosk-trace.ts`, `console-trace.ts`) share: a
// Chromium trace event, and the main thread's time by kind of work.

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
