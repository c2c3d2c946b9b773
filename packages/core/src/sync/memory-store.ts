import { StueError } from '../errors.js';
import type { NewOutboxRecord, OutboxRecord, OutboxStore, StoreQueueOptions } from './outbox.js';

/**
 * An {@link OutboxStore} in memory, for Node scripts and tests: nothing survives the process.
 * Records are copied in and out (as IndexedDB would), so a caller cannot change a stored record
 * by mutating an object it holds. It keeps no drafts.
 *
 * @example
 * const outbox = new Outbox({ store: new MemoryOutboxStore(), transport });
 */
export class MemoryOutboxStore implements OutboxStore {
  readonly #records = new Map<string, OutboxRecord>();
  #nextSeq = 1;

  async queue(record: NewOutboxRecord, options: StoreQueueOptions = {}): Promise<OutboxRecord> {
    if (options.clearDraft !== undefined) {
      throw new StueError('unsupported', 'The memory outbox store keeps no drafts');
    }
    const existing = this.#records.get(record.id);
    if (existing) {
      if (JSON.stringify(existing.body) !== JSON.stringify(record.body)) {
        throw new StueError('outbox_duplicate_id', 'Another record with this id is queued');
      }
      return structuredClone(existing);
    }
    const stored: OutboxRecord = { ...structuredClone(record), deviceSeq: this.#nextSeq };
    // The number is spent even if the record is later deleted: sequence numbers are never reused.
    this.#nextSeq += 1;
    this.#records.set(stored.id, stored);
    return structuredClone(stored);
  }

  async get(id: string): Promise<OutboxRecord | undefined> {
    const record = this.#records.get(id);
    return record && structuredClone(record);
  }

  async list(): Promise<OutboxRecord[]> {
    return [...this.#records.values()]
      .sort((a, b) => a.deviceSeq - b.deviceSeq)
      .map((record) => structuredClone(record));
  }

  /** Replaces a stored record; does nothing when it is gone, as {@link OutboxStore.put} says. */
  async put(record: OutboxRecord): Promise<void> {
    if (this.#records.has(record.id)) this.#records.set(record.id, structuredClone(record));
  }

  async delete(id: string): Promise<void> {
    this.#records.delete(id);
  }

  async nextSeq(): Promise<number> {
    return this.#nextSeq;
  }
}
