// TEST ONLY: what the console's page tests start with: a page rendered with a test context, its
// data loaded from the stub hub (hub.test-support.ts), and its shadow root at hand.
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { restoreFetch, testContext, until } from './hub.test-support.js';
import type { ConsoleContext, ConsolePage } from './page.js';

// Every page test stubs the hub's `fetch`: the real one is back after each test of a file that
// uses this kit (a root hook), so no stub outlives its test.
afterEach(restoreFetch);

/** A rendered page under test, its shadow root, and the context it was given. */
export interface RenderedPage<T extends ConsolePage> {
  el: T;
  root: ShadowRoot;
  context: ConsoleContext;
}

/**
 * Renders `template` (a page, given the test context) in `lang`, waits until `ready` says the
 * page has its data (by default: no longer loading), and lets it render that.
 *
 * @example
 * const { el, root } = await renderPage<StueMusiciansPage>(
 *   (context) => html`<stue-musicians-page .context=${context}></stue-musicians-page>`,
 * );
 */
export async function renderPage<T extends ConsolePage>(
  template: (context: ConsoleContext) => TemplateResult,
  options: {
    lang?: 'da' | 'en' | undefined;
    /** The context to render with, for a test that fills it in first. */
    context?: ConsoleContext;
    ready?: (el: T) => unknown;
    /** What `ready` waits for, in the message of a test that times out. */
    waitingFor?: string;
  } = {},
): Promise<RenderedPage<T>> {
  const context = options.context ?? testContext(options.lang);
  const ready = options.ready ?? ((el: T) => !el.loading);
  const el = await fixture<T>(template(context));
  await until(() => ready(el), options.waitingFor ?? 'loaded');
  await el.updateComplete;
  return { el, root: el.shadowRoot!, context };
}

/**
 * Opens the edit form of a records page (musicians, tour days) on the record `id` with its Edit
 * button, and waits until the record's history is shown.
 */
export async function editRecord<T extends ConsolePage>(
  rendered: RenderedPage<T>,
  id: string,
): Promise<RenderedPage<T>> {
  rendered.root.querySelector<HTMLButtonElement>(`[data-edit="${id}"]`)!.click();
  await until(() => rendered.root.querySelector('ol.history'), 'history shown');
  await rendered.el.updateComplete;
  return rendered;
}
