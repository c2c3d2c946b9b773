import type { Outbox, OutboxRecord, OutboxStore } from '@stue/core/sync';

const LOCK = 'stue-kiosk-numbering';
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` alone: across tabs with the Web Locks API where there is one, else within this page.
 */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(LOCK, work) as Promise<T>;
  const run = chain.then(work, work);
  chain = run.catch(() => undefined);
  return run;
}

/** What {@link queueNumbered} needs: the outbox, and its store to read the next number from. */
export interface NumberedQueueDeps {
  outbox: Pick<Outbox, 'queue'>;
  store: Pick<OutboxStore, 'nextSeq'>;
}

/**
 * Queues a record whose body must carry its own device sequence number (a sealed feedback
 * response, a debrief): reads the number the outbox will assign, builds (and seals) the body with
 * it, then queues — all under one lock, so no other record of this app can take the number in
 * between. The outbox assigns the outer `deviceSeq` itself (the hub's gap detection uses that one),
 * so inner and outer agree.
 *
 * Building happens before the IndexedDB transaction, never inside it (RELIABILITY.md fact 2).
 *
 * @example
 * await queueNumbered(deps, 'feedback-response', response.id,
 *   (deviceSeq) => seal(hubKey, { ...response, deviceSeq }, SEAL_CONTEXTS.feedbackResponse),
 *   { clearDraft: response.id });
 */
export function queueNumbered(
  deps: NumberedQueueDeps,
  kind: string,
  id: string,
  build: (deviceSeq: number) => Promise<unknown>,
  options: { clearDraft?: string } = {},
): Promise<OutboxRecord> {
  return exclusively(async () => {
    const deviceSeq = await deps.store.nextSeq();
    const body = await build(deviceSeq);
    const record = await deps.outbox.queue(kind, body, { id, ...options });
    if (record.deviceSeq !== deviceSeq) {
      // Only a writer outside this lock can cause it; the record is safe, the numbers differ.
      console.warn(`stue-kiosk: ${kind} queued as ${record.deviceSeq}, built as ${deviceSeq}`);
    }
    return record;
  });
}
