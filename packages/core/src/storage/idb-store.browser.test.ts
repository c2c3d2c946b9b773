/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { StueError } from '../errors.js';
import { newId } from '../ids.js';
import type { NewOutboxRecord, OutboxRecord } from '../sync/outbox.js';
import {
  openStueDb,
  openStueDbWith,
  STUE_DB_VERSION,
  StueDbVersionChangeEvent,
  type StueDb,
} from './idb-store.js';
import { STUE_MIGRATIONS, type Migration } from './migrations.js';
import { isPersisted, requestPersistence, storageEstimate } from './persistence.js';

function record(body: unknown = { sealed: newId() }): NewOutboxRecord {
  return {
    id: newId(),
    kind: 'feedback-response',
    body,
    queuedAt: Date.now(),
    attempts: 0,
    state: 'pending',
  };
}

/** A connection of its own, as a reloaded page would have: no cache, no wrapper. */
async function freshRead(name: string) {
  const raw = await openDB(name);
  const outbox = (await raw.getAll('outbox')) as OutboxRecord[];
  const nextSeq = await raw.get('meta', 'nextSeq');
  const drafts = await raw.getAll('drafts');
  const version = raw.version;
  raw.close();
  return { outbox, nextSeq, drafts, version };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('@stue/core/idb: openStueDb', () => {
  let name: string;
  const opened: StueDb[] = [];
  const open = async (...migrations: Migration[]) => {
    const db = await openStueDbWith(name, [...STUE_MIGRATIONS, ...migrations]);
    opened.push(db);
    return db;
  };

  beforeEach(() => {
    name = `stue-test-${newId()}`;
  });

  afterEach(async () => {
    for (const db of opened.splice(0)) db.close();
    await deleteDB(name);
  });

  it('creates the outbox, meta and drafts stores at the current version', async () => {
    const db = await open();
    expect(db.version).to.equal(STUE_DB_VERSION);
    const raw = db.connection!;
    expect([...raw.objectStoreNames]).to.have.members(['outbox', 'meta', 'drafts']);
    expect(raw.transaction('outbox').store.index('by-seq').unique).to.equal(true);
    expect(await raw.get('meta', 'schema')).to.deep.equal({ version: STUE_DB_VERSION, from: 0 });
  });

  it('F2: a queue() that resolved is on disk: a fresh connection reads it', async () => {
    const db = await open();
    const queued = [await db.outbox.queue(record()), await db.outbox.queue(record())];
    expect(queued.map((r) => r.deviceSeq)).to.deep.equal([1, 2]);
    const fresh = await freshRead(name);
    expect(fresh.outbox).to.deep.equal(queued);
    expect(fresh.nextSeq).to.equal(3);
  });

  it('queues and saves drafts in strict-durability transactions (fact 1)', async () => {
    const db = await open();
    await db.open();
    const seen: { stores: string[]; mode: string; durability: string }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      const tx = original.apply(this, args);
      seen.push({ stores: [...tx.objectStoreNames], mode: tx.mode, durability: tx.durability });
      return tx;
    } as typeof original;
    try {
      await db.outbox.queue(record());
      await db.drafts.save('session-1', { mood: 'calm' });
      await db.drafts.delete('session-1');
      await db.meta.set('deviceId', 'device-1');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    const writes = seen.filter((tx) => tx.mode === 'readwrite');
    expect(writes).to.have.length(4);
    expect(writes.every((tx) => tx.durability === 'strict')).to.equal(true);
    expect(writes[0]!.stores).to.have.members(['outbox', 'meta']);
  });

  it('F2: a queue whose transaction aborts leaves nothing and rejects: "saved" is never said', async () => {
    const db = await open();
    const first = await db.outbox.queue(record());
    // Put the counter back, as a damaged store might: the unique index refuses the repeat, after
    // the counter was already written in the same transaction.
    const raw = await openDB(name);
    await raw.put('meta', 1, 'nextSeq');
    raw.close();
    const doomed = record();
    const error = await rejection(db.outbox.queue(doomed));
    expect((error as DOMException).name).to.equal('ConstraintError');
    const fresh = await freshRead(name);
    expect(fresh.outbox.map((r) => r.id)).to.deep.equal([first.id]);
    expect(fresh.nextSeq).to.equal(1);

    // A body IndexedDB cannot store fails before anything is written.
    const unstorable = record({ callback: () => undefined });
    expect(await rejection(db.outbox.queue(unstorable))).to.be.instanceOf(DOMException);
    expect((await freshRead(name)).outbox).to.have.length(1);
  });

  it('queues a record and deletes its draft in one transaction', async () => {
    const db = await open();
    await db.drafts.save('session-1', { mood: 'moved' });
    const sealed = record();
    await db.outbox.queue(sealed, { clearDraft: 'session-1' });
    let fresh = await freshRead(name);
    expect(fresh.drafts).to.deep.equal([]);
    expect(fresh.outbox.map((r) => r.id)).to.deep.equal([sealed.id]);

    // A failed queue keeps the draft: the answer is in one place or the other, never neither.
    await db.drafts.save('session-2', { mood: 'calm' });
    const clash = { ...sealed, body: { other: true } };
    const error = await rejection(db.outbox.queue(clash, { clearDraft: 'session-2' }));
    expect(error).to.be.instanceOf(StueError);
    expect((error as StueError).code).to.equal('outbox_duplicate_id');
    fresh = await freshRead(name);
    expect(fresh.drafts.map((d) => (d as { sessionId: string }).sessionId)).to.deep.equal([
      'session-2',
    ]);

    // Finishing twice returns the queued record and still clears the draft.
    const again = await db.outbox.queue(sealed, { clearDraft: 'session-2' });
    expect(again.deviceSeq).to.equal(1);
    expect((await freshRead(name)).drafts).to.deep.equal([]);
  });

  it('keeps drafts and meta, and guards the keys it owns', async () => {
    const db = await open();
    const draft = await db.drafts.save('s', { answers: [1, 2] });
    expect(await db.drafts.get('s')).to.deep.equal(draft);
    expect(await db.drafts.list()).to.have.length(1);
    await db.meta.set('deviceId', 'tablet-7');
    expect(await db.meta.get('deviceId')).to.equal('tablet-7');
    const error = await rejection(db.meta.set('nextSeq', 1));
    expect((error as StueError).code).to.equal('reserved_key');
  });

  it('reads several meta keys in one read-only transaction, in the order asked', async () => {
    const db = await open();
    await db.meta.set('deviceId', 'tablet-7');
    await db.meta.set('lang', 'en');
    const seen: { stores: string[]; mode: string }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      const tx = original.apply(this, args);
      seen.push({ stores: [...tx.objectStoreNames], mode: tx.mode });
      return tx;
    } as typeof original;
    let values: unknown[];
    try {
      values = await db.meta.getMany(['lang', 'missing', 'deviceId']);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(values).to.deep.equal(['en', undefined, 'tablet-7']);
    expect(seen).to.deep.equal([{ stores: ['meta'], mode: 'readonly' }]);
  });

  it('updates a stored record, and does not bring back one that is gone', async () => {
    const db = await open();
    const queued = await db.outbox.queue(record());
    await db.outbox.put({ ...queued, attempts: 2 });
    expect((await db.outbox.get(queued.id))!.attempts).to.equal(2);
    await db.outbox.delete(queued.id);
    await db.outbox.put({ ...queued, attempts: 3 });
    expect(await db.outbox.get(queued.id)).to.equal(undefined);
    expect(await db.outbox.nextSeq()).to.equal(2);
  });

  it('F7: a newer version opened elsewhere closes this connection, tells it, loses nothing', async () => {
    const old = await open();
    const queued = [await old.outbox.queue(record()), await old.outbox.queue(record())];
    const events: StueDbVersionChangeEvent[] = [];
    old.addEventListener('stue-db-versionchange', (event) =>
      events.push(event as StueDbVersionChangeEvent),
    );
    const addKindIndex: Migration = ({ tx }) => {
      tx.objectStore('outbox').createIndex('by-kind', 'kind');
    };
    const newer = await open(addKindIndex);
    expect(events).to.have.length(1);
    expect(events[0]!.newVersion).to.equal(STUE_DB_VERSION + 1);
    expect(await newer.outbox.list()).to.deep.equal(queued);
    const indexes = [...newer.connection!.transaction('outbox').store.indexNames] as string[];
    expect(indexes).to.include('by-kind');
    const stale = await rejection(old.outbox.queue(record()));
    expect((stale as StueError).code).to.equal('db_version_changed');
    expect(await newer.outbox.nextSeq()).to.equal(3);

    // The old code cannot open the newer database: it is told to reload, nothing is touched.
    const tooOld = await rejection(openStueDb(name));
    expect((tooOld as StueError).code).to.equal('db_newer');
  });

  it('F7: an upgrade that would drop a store holding records aborts; nothing changes', async () => {
    const db = await open();
    const queued = await db.outbox.queue(record());
    db.close();
    const dropOutbox: Migration = ({ dropStore }) => dropStore('outbox');
    const refused = await rejection(open(dropOutbox));
    expect(refused).to.be.instanceOf(StueError);
    expect((refused as StueError).code).to.equal('migration_refused');

    // Going around dropStore is caught as well.
    const sneaky: Migration = ({ db: database }) => {
      (database as unknown as IDBDatabase).deleteObjectStore('outbox');
    };
    expect(((await rejection(open(sneaky))) as StueError).code).to.equal('migration_refused');

    const fresh = await freshRead(name);
    expect(fresh.version).to.equal(STUE_DB_VERSION);
    expect(fresh.outbox).to.deep.equal([queued]);

    // An empty store may go.
    const dropDrafts: Migration = ({ dropStore }) => dropStore('drafts');
    const upgraded = await open(dropDrafts);
    expect([...upgraded.connection!.objectStoreNames]).to.not.include('drafts');
    expect(await upgraded.outbox.list()).to.deep.equal([queued]);
  });

  it('says when its upgrade waits for an old connection that does not close', async () => {
    (await open()).close();
    const stubborn = await openDB(name);
    let blocked = 0;
    const upgrading = openStueDbWith(name, [...STUE_MIGRATIONS, () => undefined], {
      onBlocked: () => {
        blocked += 1;
        stubborn.close();
      },
    });
    const upgraded = await upgrading;
    opened.push(upgraded);
    expect(blocked).to.equal(1);
    expect(upgraded.connection!.version).to.equal(STUE_DB_VERSION + 1);
  });

  it('fact 3: a lost connection is reopened and the operation retried once', async () => {
    const db = await open();
    const first = await db.outbox.queue(record());
    const lost = db.connection!;
    lost.close(); // as iOS does under memory pressure: the next transaction() throws
    const second = await db.outbox.queue(record());
    expect(db.connection).to.not.equal(lost);
    expect(second.deviceSeq).to.equal(2);
    expect((await db.outbox.list()).map((r) => r.id)).to.deep.equal([first.id, second.id]);
    db.connection!.close();
    expect(await db.drafts.list()).to.deep.equal([]);
  });

  it('stays closed after close()', async () => {
    const db = await open();
    db.close();
    const error = await rejection(db.outbox.list());
    expect((error as StueError).code).to.equal('db_closed');
  });
});

describe('@stue/core/idb: persistence', () => {
  it('asks for persistent storage and reports usage and quota', async () => {
    expect(await requestPersistence()).to.be.a('boolean');
    expect(await isPersisted()).to.be.a('boolean');
    const use = await storageEstimate();
    expect(use).to.not.equal(null);
    expect(use!.usage).to.be.at.least(0);
    expect(use!.quota).to.be.above(0);
  });
});
