// Reading what a page's own script noted, over CDP, without disturbing what is being timed:
// Playwright's own waiting and evaluating (`page.waitForFunction`, `page.evaluate`) first put its
// injected script into the page, a script larger than the pages measured. At 4× throttling,
// compiling it took 70–100 ms of the main thread in the middle of the start being timed, and
// counted as the page's own long task.
import type { CDPSession } from 'playwright-core';

/** Evaluates `expression` in the page's main world and answers its value. */
export async function pageEvaluate(cdp: CDPSession, expression: string): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}

/**
 * Polls `expression` in the page's main world until it is a number, and answers it. The page
 * notes its own moment; asking every 100 ms keeps the harness's work off the frames measured.
 */
export async function pageNumber(
  cdp: CDPSession,
  expression: string,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // While the page is navigating, its old document may answer, or none.
    const value = await pageEvaluate(cdp, expression).catch(() => undefined);
    if (typeof value === 'number') return value;
    if (Date.now() > deadline) throw new Error(`${expression} was not set within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
