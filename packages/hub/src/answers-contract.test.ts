// The contract between the hub and core's clients for the tablet, a partner's servers and the
// public widget: each answer, as the hub gives it, parses with the schema core's client reads it
// with — and nothing is left over, so a field renamed on one side fails here.
import { newId, nominationReceiptSchema, webhookEventSchema } from '@stue/core';
import {
  createdPartnerKeySchema,
  createdWebhookEndpointSchema,
  deviceDaySchema,
  deviceRecordReceiptSchema,
  enrolledDeviceListSchema,
  enrolmentCodeSchema,
  enrolmentSchema,
  partnerKeySummarySchema,
  partnerListSchema,
  partnerNominationPageSchema,
  partnersWebhookDeliveryPageSchema,
  partnersWebhookEndpointListSchema,
  partnerNominationDetailSchema,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
} from '@stue/core/client';
import { reportSchema } from '@stue/core/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { concertWithTablet } from './feedback/fixtures.test-support.js';
import { aNomination, json, testHub, withKey, type TestHub } from './helpers.test-support.js';
import { createKey } from './partners/keys.js';
import { onTourDate, TOUR_DATE } from './planning/fixtures.test-support.js';

let hub: TestHub;
let concert: Awaited<ReturnType<typeof concertWithTablet>>;
let secretKey: string;

beforeAll(async () => {
  hub = await testHub();
  secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
  // Registered first, so that the concert's confirmation leaves a delivery in the log.
  const registered = await asPartner('/api/v1/partner/webhooks', {
    method: 'POST',
    body: JSON.stringify({
      url: 'https://api.besoeg.example.dk/stue/events',
      events: ['booking.confirmed'],
      description: 'Vores frivilligsystem',
    }),
  });
  expect(registered.status).toBe(201);
  expectAnswer(createdWebhookEndpointSchema, await json(registered));
  concert = await concertWithTablet(hub);
});
afterAll(() => hub.db.destroy());

const asPartner = (path: string, init: RequestInit = {}) =>
  hub.app.request(path, { ...init, headers: withKey(secretKey) });
const asTablet = (path: string, init: RequestInit = {}) =>
  hub.app.request(path, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${concert.token}` },
  });

/** The answer parses with core's schema, and the schema keeps all of it: no field unknown to it. */
function expectAnswer(schema: z.core.$ZodType, body: unknown) {
  const parsed = z.safeParse(schema, body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
}

async function answer(res: Response, status: number) {
  expect(res.status).toBe(status);
  return json(res);
}

describe('the tablet’s answers (core’s device client)', () => {
  it('enrolment', async () => {
    const { p, musician } = concert;
    const { code } = await json(
      await p.send('POST', '/api/v1/devices/enrolment-codes', { musicianId: musician.id }),
    );
    const res = await hub.app.request('/api/v1/devices/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'Reservetablet' }),
    });
    expectAnswer(enrolmentSchema, await answer(res, 201));
  });

  it('a day’s concerts', async () => {
    const day = await answer(
      await onTourDate(() => asTablet(`/api/v1/device/bookings?date=${TOUR_DATE}`)),
      200,
    );
    expect(day.items).toHaveLength(1);
    expectAnswer(deviceDaySchema, day);
  });

  it('a record received, and received again', async () => {
    const id = newId();
    const record = {
      id,
      deviceSeq: 10,
      kind: 'musician-debrief',
      body: {
        schemaVersion: 1,
        id,
        bookingId: concert.booking.id,
        deviceId: concert.deviceId,
        deviceSeq: 10,
        howItWent: 'good',
        wouldLikeACall: false,
      },
    };
    const send = () =>
      asTablet('/api/v1/debriefs', { method: 'POST', body: JSON.stringify(record) });
    expectAnswer(deviceRecordReceiptSchema, await answer(await send(), 201));
    const again = await send();
    expectAnswer(deviceRecordReceiptSchema, await answer(again, 200));
  });
});

describe('a partner’s answers (core’s partner client)', () => {
  it('its nominations, a page and one', async () => {
    const page = await answer(await asPartner('/api/v1/partner/nominations'), 200);
    expect(page.items.length).toBeGreaterThan(0);
    expectAnswer(partnerNominationPageSchema, page);
    const one = await asPartner(`/api/v1/partner/nominations/${concert.booking.nominationId}`);
    const detail = await answer(one, 200);
    expect(detail.history.length).toBeGreaterThan(0);
    expectAnswer(partnerNominationDetailSchema, detail);
  });

  it('its webhooks and their delivery log', async () => {
    expectAnswer(
      webhookEndpointListSchema,
      await answer(await asPartner('/api/v1/partner/webhooks'), 200),
    );
    const log = await answer(await asPartner('/api/v1/partner/webhooks/deliveries'), 200);
    expect(log.items.length).toBeGreaterThan(0);
    expectAnswer(webhookDeliveryPageSchema, log);
    // The body each webhook carries, as the partner's server receives it.
    for (const delivery of log.items) expectAnswer(webhookEventSchema, delivery.payload);
  });

  it('the webhook body the document shows as its example', async () => {
    const document = await answer(await hub.app.request('/api/v1/openapi.json'), 200);
    expectAnswer(webhookEventSchema, document.components.schemas.WebhookEvent.example);
  });

  it('its part of a month’s report', async () => {
    const period = TOUR_DATE.slice(0, 7);
    const res = await asPartner(`/api/v1/partner/reports?period=${period}`);
    expectAnswer(reportSchema, await answer(res, 200));
  });
});

describe('coordinators’ answers about tablets, partners and webhooks', () => {
  it('an enrolment code and the tablets', async () => {
    const { p, musician } = concert;
    const code = await p.send('POST', '/api/v1/devices/enrolment-codes', {
      musicianId: musician.id,
    });
    expectAnswer(enrolmentCodeSchema, await answer(code, 201));
    const devices = await answer(await p.get('/api/v1/devices'), 200);
    expect(devices.items.length).toBeGreaterThan(0);
    expectAnswer(enrolledDeviceListSchema, devices);
  });

  it('the partners with their keys, a new key and a revoked one', async () => {
    const { p } = concert;
    const made = await p.send('POST', '/api/v1/partners/demo-partner/keys', { kind: 'secret' });
    const key = await answer(made, 201);
    expectAnswer(createdPartnerKeySchema, key);
    const revoked = await p.send('POST', `/api/v1/partners/demo-partner/keys/${key.id}/revoke`);
    expectAnswer(partnerKeySummarySchema, await answer(revoked, 200));
    expectAnswer(partnerListSchema, await answer(await p.get('/api/v1/partners'), 200));
  });

  it('every partner’s webhooks and their delivery log', async () => {
    const { p } = concert;
    const endpoints = await answer(await p.get('/api/v1/webhooks'), 200);
    expect(endpoints.items.length).toBeGreaterThan(0);
    expectAnswer(partnersWebhookEndpointListSchema, endpoints);
    const log = await answer(await p.get('/api/v1/webhooks/deliveries'), 200);
    expect(log.items.length).toBeGreaterThan(0);
    expectAnswer(partnersWebhookDeliveryPageSchema, log);
  });
});

describe('the public widget’s answer (core’s submitNomination)', () => {
  it('a nomination received, and received again', async () => {
    const nomination = aNomination();
    const send = () =>
      hub.app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(nomination),
      });
    expectAnswer(nominationReceiptSchema, await answer(await send(), 201));
    expectAnswer(nominationReceiptSchema, await answer(await send(), 200));
  });
});
