import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers.test-support.js';
import { plannerHub, type Planner, type TestHub } from '../../planning/fixtures.test-support.js';
import { MAX_NOTE_LENGTH } from './routes.js';

let hub: TestHub;
let p: Planner;
beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

const notesOf = async (id: string) =>
  (await json(await p.get(`/api/v1/nominations/${id}`))).notes as {
    id: string;
    text: string;
    createdAt: string;
    author: { id: string; name: string };
  }[];
const rows = () => hub.db.selectFrom('nomination_notes').selectAll().execute();

describe('POST /api/v1/nominations/{id}/notes', () => {
  it('stores a trimmed note, answers it with its author and time, and shows it with the nomination', async () => {
    const { id } = await p.nomination('received');
    const noteId = newId();
    const res = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
      id: noteId,
      text: '  Ringede tirsdag, ring igen torsdag  ',
    });
    expect(res.status).toBe(201);
    const note = await json(res);
    expect(note).toMatchObject({
      id: noteId,
      nominationId: id,
      text: 'Ringede tirsdag, ring igen torsdag',
      author: { id: p.coordinatorId, name: expect.any(String) },
    });
    expect(Date.parse(note.createdAt)).not.toBeNaN();
    expect(await notesOf(id)).toEqual([note]);
    // The audit trail says a note was written, never what it says.
    const audit = await hub.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'noted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Ringede');
  });

  it('answers a resend with 200 and the same note; another text under the same id is 409', async () => {
    const { id } = await p.nomination('received');
    const body = { id: newId(), text: 'Ringede tirsdag' };
    const first = await json(await p.send('POST', `/api/v1/nominations/${id}/notes`, body));
    const again = await p.send('POST', `/api/v1/nominations/${id}/notes`, body);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    const other = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
      ...body,
      text: 'Noget andet',
    });
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe('record_conflict');
    expect(await rows()).toHaveLength(1);
  });

  it('refuses CPR numbers, empty and too long notes with a message at the field, and stores nothing', async () => {
    const { id } = await p.nomination('received');
    const cpr = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
      id: newId(),
      text: 'Hans CPR er 010150-1234',
    });
    expect(cpr.status).toBe(400);
    const issue = (await json(cpr)).error.issues[0];
    expect(issue).toMatchObject({ path: 'text', code: 'cpr_not_allowed' });
    expect(issue.message).toMatch(/CPR/);
    const english = await p.send(
      'POST',
      `/api/v1/nominations/${id}/notes`,
      { id: newId(), text: '0101501234' },
      { 'accept-language': 'en' },
    );
    expect((await json(english)).error.issues[0].message).toMatch(/CPR/);
    for (const text of ['   ', 'x'.repeat(MAX_NOTE_LENGTH + 1)]) {
      const res = await p.send('POST', `/api/v1/nominations/${id}/notes`, { id: newId(), text });
      expect(res.status).toBe(400);
      expect((await json(res)).error.issues[0].path).toBe('text');
    }
    const badId = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
      id: 'nope',
      text: 'Hej',
    });
    expect(badId.status).toBe(400);
    const extra = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
      id: newId(),
      text: 'Hej',
      author: 'x',
    });
    expect(extra.status).toBe(400);
    expect(await rows()).toEqual([]);
  });

  it('answers 404 for an unknown nomination, 400 for a malformed id, 403 without the CSRF token', async () => {
    const body = { id: newId(), text: 'Hej' };
    expect((await p.send('POST', `/api/v1/nominations/${newId()}/notes`, body)).status).toBe(404);
    expect((await p.send('POST', '/api/v1/nominations/nope/notes', body)).status).toBe(400);
    const { id } = await p.nomination('received');
    const noCsrf = await hub.app.request(`/api/v1/nominations/${id}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: p.session.cookie },
      body: JSON.stringify(body),
    });
    expect(noCsrf.status).toBe(403);
    expect(await rows()).toEqual([]);
  });
});
