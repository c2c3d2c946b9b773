// The contract between the hub and its clients: every answer the console reads, from a seeded
// hub, parsed with the schema in `@stue/core` that types the console's client. A field the hub
// renames, drops or adds fails here (the parsed answer must equal the answer: the schemas strip
// unknown keys), as well as in the typecheck of the store that makes it.
import {
  bookingDetailSchema,
  bookingFeedbackSchema,
  bookingPageSchema,
  callTaskPageSchema,
  callTaskSchema,
  consentListSchema,
  consentViewSchema,
  consentWithdrawnSchema,
  coordinatorSessionSchema,
  erasureReceiptSchema,
  musicianDetailSchema,
  musicianPageSchema,
  musicianSchema,
  newId,
  nominationDetailSchema,
  nominationItemPageSchema,
  nominationMovedSchema,
  nominationNoteViewSchema,
  personExportSchema,
  tourDayDetailSchema,
  tourDayPageSchema,
  tourDaySchema,
} from '@stue/core';
import { reportSchema } from '@stue/core/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { concertWithTablet } from './feedback/fixtures.test-support.js';
import { json, testHub, type TestHub } from './helpers.test-support.js';
import { at } from './planning/fixtures.test-support.js';

let hub: TestHub;
let concert: Awaited<ReturnType<typeof concertWithTablet>>;
let callId: string;

beforeAll(async () => {
  hub = await testHub();
  concert = await concertWithTablet(hub);
  await concert.feedback();
  callId = await concert.debrief({ howItWent: 'hard', wouldLikeACall: true });
});
afterAll(() => hub.db.destroy());

/** The answer, checked: its status, and a body the schema reads whole and unchanged. */
async function answer(res: Response, schema: z.core.$ZodType, status = 200) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  const parsed = z.safeParse(schema, body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
  return body;
}

const get = (path: string) => concert.p.get(path);
const post = (path: string, body: unknown = {}) => concert.p.send('POST', path, body);

describe('the answers coordinators read match the schemas in @stue/core', () => {
  it('session', async () => {
    await answer(await get('/api/v1/session'), coordinatorSessionSchema);
  });

  it('nominations: list, detail, a move, a note', async () => {
    const { id } = await concert.p.nomination('received');
    await answer(await get('/api/v1/nominations?limit=100'), nominationItemPageSchema);
    await answer(await post(`/api/v1/nominations/${id}/review`), nominationMovedSchema);
    const note = { id: newId(), text: 'Ringede tirsdag' };
    await answer(
      await post(`/api/v1/nominations/${id}/notes`, note),
      nominationNoteViewSchema,
      201,
    );
    const detail = await answer(await get(`/api/v1/nominations/${id}`), nominationDetailSchema);
    expect(detail.notes).toHaveLength(1);
  });

  it("the pair's data rights: consents, withdrawal, the hidden detail, the export, erasure", async () => {
    const { id, reference } = await concert.p.nomination('accepted');
    await answer(await get(`/api/v1/nominations/${id}/consents`), consentListSchema);
    const quote = {
      person: 'host',
      scope: 'quote',
      via: 'visiting-friend',
      at: new Date().toISOString(),
      noticeVersion: '2026-01',
    };
    await answer(await post(`/api/v1/nominations/${id}/consents`, quote), consentViewSchema, 201);
    const withdrawal = { person: 'host', reason: 'Vil ikke kontaktes' };
    await answer(
      await post(`/api/v1/nominations/${id}/consents/withdraw`, withdrawal),
      consentWithdrawnSchema,
    );
    const hidden = await answer(await get(`/api/v1/nominations/${id}`), nominationDetailSchema);
    expect(hidden.nomination).toBeNull();
    const everything = await answer(
      await get(`/api/v1/nominations/${id}/export`),
      personExportSchema,
    );
    expect(everything.consents.length).toBeGreaterThan(0);
    // The concert's pair: a booking, the tablet's records about it (sealed feedback, a debrief).
    const concertExport = await answer(
      await get(`/api/v1/nominations/${concert.booking.nominationId}/export`),
      personExportSchema,
    );
    expect(concertExport.bookings).toHaveLength(1);
    expect(concertExport.deviceRecords.length).toBeGreaterThan(0);
    await answer(
      await post(`/api/v1/nominations/${id}/erase`, { reference }),
      erasureReceiptSchema,
    );
  });

  it('musicians', async () => {
    const { id } = concert.musician;
    await answer(await get('/api/v1/musicians'), musicianPageSchema);
    await answer(await get(`/api/v1/musicians/${id}`), musicianDetailSchema);
    const patched = await concert.p.send('PATCH', `/api/v1/musicians/${id}`, { name: 'Maja M.' });
    await answer(patched, musicianSchema);
  });

  it('tour days', async () => {
    const { id } = concert.day;
    await answer(await get('/api/v1/tour-days'), tourDayPageSchema);
    const detail = await answer(await get(`/api/v1/tour-days/${id}`), tourDayDetailSchema);
    expect(detail.bookings).toHaveLength(1);
    const patched = await concert.p.send('PATCH', `/api/v1/tour-days/${id}`, { maxConcerts: 4 });
    await answer(patched, tourDaySchema);
  });

  it('bookings: list, detail, a proposal, a move, a reschedule', async () => {
    await answer(await get('/api/v1/bookings'), bookingPageSchema);
    await answer(await get(`/api/v1/bookings/${concert.booking.id}`), bookingDetailSchema);
    const { id: nominationId } = await concert.p.nomination('accepted');
    const input = concert.p.bookingInput(nominationId, concert.day.id, at('13:00'));
    await answer(await post('/api/v1/bookings', input), bookingDetailSchema, 201);
    const later = { start: at('15:00'), reason: 'Værten ønsker eftermiddag' };
    await answer(await post(`/api/v1/bookings/${input.id}/reschedule`, later), bookingDetailSchema);
    await answer(await post(`/api/v1/bookings/${input.id}/confirm`), bookingDetailSchema);
  });

  it("a concert's feedback and the call tasks", async () => {
    const feedback = await answer(
      await get(`/api/v1/bookings/${concert.booking.id}/feedback`),
      bookingFeedbackSchema,
    );
    expect(feedback.responses).toHaveLength(1);
    await answer(await get('/api/v1/tasks?state=open'), callTaskPageSchema);
    const done = await post(`/api/v1/tasks/${callId}/call-done`, { note: 'Talt sammen' });
    await answer(done, callTaskSchema);
    await answer(await get('/api/v1/tasks?state=done'), callTaskPageSchema);
  });

  it("the month's report", async () => {
    await answer(await get('/api/v1/reports?period=2030-05&grouping=all'), reportSchema);
  });
});
