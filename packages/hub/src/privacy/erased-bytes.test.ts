import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { newId } from '@stue/core';
import { seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { backupDatabase, restoreDatabase } from '../cli/operations.js';
import { openDatabase, type HubDatabase } from '../db/database.js';
import { ephemeralHubKey } from '../devices/hub-key.js';
import { createKey } from '../partners/keys.js';
import { seedDemo } from '../partners/partners.js';
import { at, planner } from '../planning/fixtures.test-support.js';
import { aFeedbackResponse } from '../feedback/fixtures.test-support.js';
import { json, withKey } from '../helpers.test-support.js';
import { startWebhookDispatcher } from '../webhooks/dispatcher.js';
import { erasureList, reapplyErasures } from './erasure.js';
import { runRetention } from './retention.js';

// RELIABILITY.md S12: erased is gone from the bytes. After an erasure — by a coordinator, by
// retention, by a restore or `erasures apply` that re-applies it — none of the pair's details is
// left anywhere in the SQLite file, its write-ahead log or its shared-memory file: not in a live
// row, not in a deleted cell or a free page, not in an old frame of the log. The webhook outbox
// and the delivery log keep nothing of them either, not even their ids.

const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const letters = (n: number) =>
  Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');

/** Details that occur nowhere else, so that finding one in the bytes can only mean this pair. */
function sentinels() {
  const digits = String(randomInt(10_000_000, 100_000_000));
  return {
    host: `Vaert${letters(10)}`,
    friend: `Ven${letters(10)}`,
    nominator: `Indstiller${letters(10)}`,
    phone: `2${digits.slice(1)}`,
    note: `Notat${letters(12)}`,
    reason: `Grund${letters(12)}`,
  };
}

/** A webhook receiver on 127.0.0.1 that answers 200. */
async function receiver() {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
}

/** A hub on an SQLite file in a new folder, with a webhook endpoint for the demo partner. */
async function fileHub(dir = mkdtempSync(join(tmpdir(), 'stue-bytes-'))) {
  dirs.push(dir);
  const file = join(dir, 'stue.sqlite');
  const db = await openDatabase(file);
  let open = true;
  cleanups.push(async () => {
    if (open) await db.destroy();
  });
  await seedDemo(db);
  const hubKey = await ephemeralHubKey();
  const app = createApp({ db, hubKey });
  const p = await planner({ app, db });
  const secret = (await createKey(db, 'demo-partner', 'secret'))!.key;
  const registered = await app.request('/api/v1/partner/webhooks', {
    method: 'POST',
    headers: withKey(secret),
    body: JSON.stringify({
      url: await receiver(),
      events: ['nomination.status_changed', 'booking.confirmed', 'booking.cancelled'],
    }),
  });
  expect(registered.status).toBe(201);
  const musician = await p.musician();
  const day = await p.tourDay(musician.id);
  const tablet = await p.tablet(musician.id);
  const device = { id: tablet.device.id, headers: tablet.auth };
  let seq = 0;
  let slot = 7;

  /**
   * A pair with everything the hub can hold about them: the nomination (moved twice, so the
   * partner is sent two events), a confirmed booking with a typed reason, a coordinator's note,
   * sealed feedback, a debrief and the webhook deliveries of it all, sent.
   */
  async function pair(details = sentinels()) {
    const nomination = await p.nomination('accepted', {
      nominator: { role: 'visiting-friend', name: details.nominator, phone: details.phone },
      host: { firstName: details.host, municipalityCode: '751' },
      visitingFriend: { firstName: details.friend, phone: details.phone },
    });
    const booking = await json(
      await p.send(
        'POST',
        '/api/v1/bookings',
        p.bookingInput(nomination.id, day.id, at(`${String((slot += 2)).padStart(2, '0')}:00`)),
      ),
    );
    await p.act(`/api/v1/bookings/${booking.id}/confirm`, { reason: details.reason });
    const noted = await p.send('POST', `/api/v1/nominations/${nomination.id}/notes`, {
      id: newId(),
      text: `Ringede til ${details.friend}: ${details.note}`,
    });
    expect(noted.status).toBe(201);
    const response = aFeedbackResponse({
      bookingId: booking.id,
      deviceId: device.id,
      deviceSeq: ++seq,
    });
    const sealed = await seal(hubKey.publicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse);
    const feedback = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: device.headers,
      body: JSON.stringify({
        id: response.id,
        deviceSeq: response.deviceSeq,
        kind: 'feedback-response',
        body: sealed,
      }),
    });
    expect(feedback.status).toBe(201);
    const debriefId = newId();
    const debrief = await app.request('/api/v1/debriefs', {
      method: 'POST',
      headers: device.headers,
      body: JSON.stringify({
        id: debriefId,
        deviceSeq: ++seq,
        kind: 'musician-debrief',
        body: {
          schemaVersion: 1,
          id: debriefId,
          bookingId: booking.id,
          deviceId: device.id,
          deviceSeq: seq,
          howItWent: 'good',
          wouldLikeACall: false,
        },
      }),
    });
    expect(debrief.status).toBe(201);
    const dispatcher = startWebhookDispatcher(db, { pollMs: 3_600_000 });
    await dispatcher.runOnce();
    await dispatcher.stop();
    return {
      ...nomination,
      bookingId: booking.id as string,
      // What must not survive, as it is stored: names, phone, typed text and the reference.
      strings: [...Object.values(details), nomination.reference],
      // Ids that only the re-erase list (and the audit log's "which record") may keep.
      ids: [nomination.id, booking.id as string],
    };
  }

  return {
    dir,
    file,
    db,
    app,
    p,
    pair,
    erase: (target: { id: string; reference: string }) =>
      p.send('POST', `/api/v1/nominations/${target.id}/erase`, { reference: target.reference }),
    close: async () => {
      open = false;
      await db.destroy();
    },
  };
}

/** Every one of `strings` found in the bytes of the database `file` and its `-wal` and `-shm`. */
function foundInFiles(file: string, strings: string[]): string[] {
  const found: string[] = [];
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const value of strings) {
      if (bytes.includes(Buffer.from(value, 'utf8'))) found.push(`${value} in ${path}`);
    }
  }
  return found;
}

/** The tables and columns of live rows that hold any of `ids`, besides the re-erase list. */
async function rowsHolding(db: HubDatabase, ids: string[]): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  const holding: string[] = [];
  for (const { name } of tables.rows) {
    if (name === 'erasures') continue;
    const columns = await sql<{ name: string }>`
      SELECT name FROM pragma_table_info(${name})`.execute(db);
    for (const column of columns.rows) {
      // The audit log keeps which record an entry was about (an id, nothing more).
      if (name === 'audit_events' && column.name === 'entity_id') continue;
      for (const id of ids) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*) AS n FROM ${sql.table(name)}
          WHERE CAST(${sql.ref(column.name)} AS TEXT) LIKE ${`%${id}%`}`.execute(db);
        if (rows[0]!.n > 0) holding.push(`${name}.${column.name}`);
      }
    }
  }
  return holding;
}

describe('erased is gone from the bytes (S12)', () => {
  it("a coordinator's erasure leaves nothing of the pair in the file, its log, the outbox or the delivery log", async () => {
    const hub = await fileHub();
    const erased = await hub.pair();
    const kept = await hub.pair();
    expect(foundInFiles(hub.file, erased.strings)).not.toEqual([]);
    expect(await rowsHolding(hub.db, erased.ids)).toContain('webhook_deliveries.payload');

    const res = await hub.erase(erased);
    expect(res.status).toBe(200);

    // While the hub still runs, with its log open …
    expect(foundInFiles(hub.file, erased.strings)).toEqual([]);
    expect(await rowsHolding(hub.db, erased.ids)).toEqual([]);
    // … and everything of the other pair is still there, their deliveries included.
    expect(foundInFiles(hub.file, kept.strings)).toHaveLength(kept.strings.length);
    expect(await rowsHolding(hub.db, kept.ids)).toContain('webhook_deliveries.payload');
    const log = await json(await hub.p.get('/api/v1/webhooks/deliveries'));
    expect(JSON.stringify(log)).not.toContain(erased.id);
    expect(JSON.stringify(log)).toContain(kept.id);
    // … and after it has stopped.
    await hub.close();
    expect(foundInFiles(hub.file, erased.strings)).toEqual([]);
  });

  it('another process reading at the moment of the erasure delays emptying the log until it is done', async () => {
    const hub = await fileHub();
    const erased = await hub.pair();
    // A backup (another connection, as `stue-hub backup` is another process) holds a read open.
    const reader = new DatabaseSync(hub.file, { readOnly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM nominations').get();
      expect((await hub.erase(erased)).status).toBe(200);
      // The rows are zeroed in the new pages, but the log the reader still uses keeps old ones.
      expect(await rowsHolding(hub.db, erased.ids)).toEqual([]);
      expect(foundInFiles(hub.file, erased.strings)).not.toEqual([]);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    await expect
      .poll(() => foundInFiles(hub.file, erased.strings), { timeout: 20_000, interval: 250 })
      .toEqual([]);
  });

  it('retention erasing a closed nomination leaves nothing of it in the bytes either', async () => {
    const hub = await fileHub();
    const details = sentinels();
    const nomination = await hub.p.nomination('in-review', {
      host: { firstName: details.host, municipalityCode: '751' },
      visitingFriend: { firstName: details.friend, phone: details.phone },
    });
    await hub.p.act(`/api/v1/nominations/${nomination.id}/decline`, { reason: details.reason });
    const strings = [details.host, details.friend, details.phone, details.reason];
    expect(foundInFiles(hub.file, strings)).not.toEqual([]);

    const later = new Date(Date.now() + 400 * 86_400_000);
    expect((await runRetention(hub.db, undefined, later)).erasedNominations).toBe(1);
    expect(foundInFiles(hub.file, [...strings, nomination.reference])).toEqual([]);
  });

  it('a backup taken before the erasure and restored holds nothing of the pair once restored', async () => {
    const hub = await fileHub();
    const erased = await hub.pair();
    const kept = await hub.pair();
    const backup = join(hub.dir, 'backup.sqlite');
    await backupDatabase(hub.db, backup);
    expect((await hub.erase(erased)).status).toBe(200);
    await hub.close();
    expect(foundInFiles(backup, erased.strings)).not.toEqual([]);

    const outcome = await restoreDatabase(backup, hub.file);
    expect(outcome.reapplied).toBe(1);
    expect(foundInFiles(hub.file, erased.strings)).toEqual([]);
    expect(foundInFiles(outcome.previous!, erased.strings)).toEqual([]);
    expect(foundInFiles(hub.file, kept.strings)).toHaveLength(kept.strings.length);
    const restored = await openDatabase(hub.file);
    try {
      expect(await rowsHolding(restored, erased.ids)).toEqual([]);
      expect(foundInFiles(hub.file, erased.strings)).toEqual([]);
    } finally {
      await restored.destroy();
    }
  });

  it('`erasures apply` on a copy that still holds the pair leaves nothing of them in its bytes', async () => {
    const hub = await fileHub();
    const erased = await hub.pair();
    const copyFile = join(hub.dir, 'copy.sqlite');
    await backupDatabase(hub.db, copyFile);
    expect((await hub.erase(erased)).status).toBe(200);
    const list = await erasureList(hub.db);

    const copy = await openDatabase(copyFile);
    try {
      expect(await reapplyErasures(copy, list)).toHaveLength(1);
      expect(foundInFiles(copyFile, erased.strings)).toEqual([]);
      expect(await rowsHolding(copy, erased.ids)).toEqual([]);
    } finally {
      await copy.destroy();
    }
    expect(foundInFiles(copyFile, erased.strings)).toEqual([]);
  });
});
