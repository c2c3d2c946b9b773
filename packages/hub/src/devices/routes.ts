import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  addDays,
  bookingCancelledAtDoorSchema,
  checkResponse,
  danishToday,
  DEFAULT_INSTRUMENT,
  feedbackResponseSchema,
  isUuidV7,
  isConsentInFuture,
  issueMessage,
  musicianDebriefSchema,
  musicianDebriefV1Schema,
  musicianDebriefV2Schema,
  readMusicianDebrief,
  requiredText,
  tabletConsentSchema,
  validate,
  type Issue,
} from '@stue/core';
import {
  openSealedJson,
  SEAL_CONTEXTS,
  sealedEnvelopeSchema,
  StueSealingError,
} from '@stue/core/sealing';
import type { DeviceDay, DeviceRecordReceipt, Enrolment } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { deviceAuth, type DeviceEnv } from './device-auth.js';
import { limitBody } from '../http/body-limit.js';
import { requestLang } from '../http/errors.js';
import { HubError } from '../http/hub-error.js';
import { refuseIssues } from '../http/outcomes.js';
import { jsonBody } from '../http/json-body.js';
import { uuidParam } from '../http/params.js';
import { perAddressLimit, type Limit } from '../http/rate-limit.js';
import type { HubKey } from './hub-key.js';
import {
  createEnrolmentCode,
  enrolDevice,
  listDevices,
  receiveDeviceRecord,
  revokeDevice,
  type DeviceReceiveOutcome,
  type DeviceRecord,
} from './store.js';
import { dayForDevice, isPeerOfConcert } from './bookings.js';
import { lifecycleError } from '../http/lifecycle-error.js';
import { consentInFuture } from '../consents/index.js';
import { receiveDoorCancellation } from './service.js';

/** Enrolment attempts allowed per client address: a code cannot be guessed by brute force. */
export const ENROL_LIMIT: Limit = { limit: 10, windowMs: 15 * 60_000 };

/** The largest enrolment body: a code and a tablet name, even with every character escaped. */
export const MAX_ENROL_BYTES = 2 * 1024;

/** The largest record a tablet sends; a sealed response is a few kilobytes. */
export const MAX_DEVICE_RECORD_BYTES = 64 * 1024;

const text = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'required' }),
      z.maxLength(max, { error: 'too_long' }),
    );

/** What a coordinator sends to make an enrolment code. */
export const enrolmentCodeRequestSchema = z.strictObject({ musicianId: text(100) });

/**
 * What a tablet sends to enrol: the code, and a name for the tablet that coordinators see (a text
 * a person types, so it may hold no CPR number).
 */
export const enrolRequestSchema = z.strictObject({ code: text(20), name: requiredText(60) });

const envelopeRecord = <K extends string>(kind: K, body: z.core.$ZodType) =>
  z.strictObject({
    id: z.string().check(z.refine(isUuidV7, { error: 'invalid_id' })),
    // PostgreSQL's `integer`: a larger number would fail in the database, not here.
    deviceSeq: z
      .int()
      .check(
        z.minimum(1, { error: 'out_of_range' }),
        z.maximum(2_147_483_647, { error: 'out_of_range' }),
      ),
    kind: z.literal(kind, { error: 'invalid_choice' }),
    body,
  });

/**
 * A sealed feedback response with the pair's yes to keeping their answers, given on the tablet
 * before the first question: the consent stays outside the sealed answers, so the hub can record
 * it without reading them.
 */
export const consentedFeedbackSchema = z.strictObject({
  sealed: sealedEnvelopeSchema,
  consent: tabletConsentSchema,
});

/**
 * The wire format of a feedback response (the outbox's `httpTransport`): its sealed envelope, or
 * the envelope with the consent given on the tablet (`consentedFeedbackSchema`).
 */
export const feedbackRecordSchema = envelopeRecord(
  'feedback-response',
  z.union([sealedEnvelopeSchema, consentedFeedbackSchema]),
);
/**
 * The wire format of a musician's debrief: version 3, or version 2 or 1 from a tablet not yet
 * updated (read with `readMusicianDebrief`, stored as version 3).
 */
export const debriefRecordSchema = envelopeRecord(
  'musician-debrief',
  z.union([musicianDebriefSchema, musicianDebriefV2Schema, musicianDebriefV1Schema]),
);
/** The wire format of a tablet's "this concert was cancelled at the door". */
export const cancelledAtDoorRecordSchema = envelopeRecord(
  'booking-cancelled-at-door',
  bookingCancelledAtDoorSchema,
);
// The record around a debrief; the body is read by its own version's schema.
const debriefEnvelopeSchema = envelopeRecord('musician-debrief', z.unknown());

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// The hub's own calendar day in Denmark, whatever the tablet's clock says.

/**
 * Devices: coordinators make enrolment codes and revoke tablets; a tablet enrols with a code,
 * reads its musician's bookings for a day, and sends sealed feedback and debriefs.
 */
export function deviceRoutes(db: HubDatabase, hubKey: HubKey, enrolLimit: Limit = ENROL_LIMIT) {
  const app = new Hono<CoordinatorEnv & DeviceEnv>();
  const limitRecord = limitBody(MAX_DEVICE_RECORD_BYTES);

  const codeRequest = jsonBody(enrolmentCodeRequestSchema);
  app.post('/devices/enrolment-codes', coordinatorAuth(db), codeRequest, async (c) => {
    const { musicianId } = c.req.valid('json');
    const code = await createEnrolmentCode(
      db,
      musicianId,
      `coordinator:${c.get('coordinator').id}`,
    );
    if (!code) {
      const lang = requestLang(c);
      throw new HubError(400, 'invalid_body', {
        issues: [
          {
            path: 'musicianId',
            code: 'not_found',
            message: issueMessage('musicianId', 'not_found', lang),
          },
        ],
      });
    }
    return c.json(code, 201);
  });

  app.get('/devices', coordinatorAuth(db), async (c) => c.json({ items: await listDevices(db) }));

  app.post(
    '/devices/:id/revoke',
    coordinatorAuth(db),
    uuidParam({ anyVersion: true }),
    async (c) => {
      const found = await revokeDevice(db, c.req.valid('param').id, c.get('coordinator').id);
      if (!found) throw new HubError(404, 'not_found');
      return c.body(null, 204);
    },
  );

  app.post(
    '/devices/enrol',
    perAddressLimit(enrolLimit),
    jsonBody(enrolRequestSchema),
    async (c) => {
      const { code, name } = c.req.valid('json');
      const enrolled = await enrolDevice(db, code, name);
      if (!enrolled) throw new HubError(400, 'invalid_enrolment_code');
      return c.json(
        {
          device: enrolled.device,
          token: enrolled.token,
          musician: enrolled.musician,
          // A copy: the answer's type allows the other members a JWK may have.
          hubPublicKey: { ...hubKey.publicKeyJwk },
        } satisfies Enrolment,
        201,
      );
    },
  );

  // Yesterday, today or tomorrow in Denmark: what a musician's tablet needs around a tour day, so a
  // lost or stolen tablet cannot read its musician's concerts for every date there is.
  app.get('/device/bookings', deviceAuth(db), async (c) => {
    const today = danishToday();
    const date = c.req.query('date') ?? today;
    if (!DATE.test(date) || date < addDays(today, -1) || date > addDays(today, 1)) {
      throw new HubError(400, 'invalid_parameter');
    }
    const day: DeviceDay = await dayForDevice(db, c.get('device'), date);
    return c.json(day);
  });

  // Under the sync protocol: 201 stored, 200 replay, 409 the same id with another body, 410 about
  // an erased person or without consent (the tablet purges its copy).
  const answer = (c: Context, id: string, outcome: DeviceReceiveOutcome) => {
    if (outcome === 'conflict') throw new HubError(409, 'record_conflict');
    if (outcome === 'erased') throw new HubError(410, 'person_erased');
    if (outcome === 'no-consent') throw new HubError(410, 'no_consent');
    if (outcome === 'not-found') throw new HubError(404, 'not_found');
    const receipt: DeviceRecordReceipt = { id, status: 'received' };
    return c.json(receipt, outcome === 'created' ? 201 : 200);
  };

  app.post('/feedback', deviceAuth(db), limitRecord, jsonBody(feedbackRecordSchema), async (c) => {
    const lang = requestLang(c);
    const { id, deviceSeq, body } = c.req.valid('json') as {
      id: string;
      deviceSeq: number;
      body: z.output<typeof sealedEnvelopeSchema> | z.output<typeof consentedFeedbackSchema>;
    };
    const { envelope, consent } =
      'sealed' in body ? { envelope: body.sealed, consent: body.consent } : { envelope: body };
    // A consent not yet given is no consent (the hub's clock, with skew allowed).
    if (consent && isConsentInFuture(consent.at, new Date())) {
      throw new HubError(400, 'invalid_body', {
        issues: [consentInFuture('body.consent.at', lang)],
      });
    }
    // The hub can read what the tablet cannot: open it, and refuse what is not a response to
    // the instrument, or not this record.
    let opened: unknown;
    try {
      opened = await openSealedJson(hubKey.privateKeyJwk, envelope, SEAL_CONTEXTS.feedbackResponse);
    } catch (error) {
      if (error instanceof StueSealingError) throw new HubError(400, 'cannot_open');
      throw error;
    }
    const response = validate(feedbackResponseSchema, opened, { lang });
    if (!response.ok)
      throw new HubError(400, 'invalid_body', { issues: prefixed(response.issues) });
    const issues: Issue[] = [
      ...checkResponse(DEFAULT_INSTRUMENT, response.value),
      ...sameRecord(c, response.value, { id, deviceSeq }),
    ];
    refuseIssues(prefixed(issues));
    const record: DeviceRecord = {
      id,
      deviceSeq,
      kind: 'feedback-response',
      bookingId: response.value.bookingId,
      body: envelope,
      ...(consent ? { consent } : {}),
    };
    return answer(c, id, await receiveDeviceRecord(db, c.get('device'), record));
  });

  app.post('/debriefs', deviceAuth(db), limitRecord, jsonBody(debriefEnvelopeSchema), async (c) => {
    const lang = requestLang(c);
    const { id, deviceSeq, body } = c.req.valid('json');
    const debriefRead = readMusicianDebrief(body, { lang });
    if (!debriefRead.ok) {
      throw new HubError(400, 'invalid_body', { issues: prefixed(debriefRead.issues) });
    }
    const debrief = debriefRead.value;
    refuseIssues(prefixed(sameRecord(c, debrief, { id, deviceSeq })));
    // A peer is one the concert's programme names; the task goes to them.
    if (
      debrief.peerId !== undefined &&
      !(await isPeerOfConcert(db, c.get('device'), {
        recordId: id,
        bookingId: debrief.bookingId,
        peerId: debrief.peerId,
      }))
    ) {
      const issue = { path: 'peerId', code: 'not_a_peer' as const };
      refuseIssues(prefixed([{ ...issue, message: issueMessage('peerId', 'not_a_peer', lang) }]));
    }
    const record: DeviceRecord = {
      id,
      deviceSeq,
      kind: 'musician-debrief',
      bookingId: debrief.bookingId,
      body: debrief,
    };
    return answer(c, id, await receiveDeviceRecord(db, c.get('device'), record));
  });

  // A concert cancelled at the door: the record and the booking's move to `cancelled` (with the
  // reason and its audit entry) commit together. A booking another musician plays is not found;
  // one whose pair was erased is gone (410 `person_erased`); one a coordinator already cancelled
  // stays as it is; a concert already held or marked a no-show cannot be cancelled (409
  // `illegal_transition`) and nothing is kept.
  const doorRecord = jsonBody(cancelledAtDoorRecordSchema);
  app.post('/door-cancellations', deviceAuth(db), limitRecord, doorRecord, async (c) => {
    const { id, deviceSeq, body } = c.req.valid('json');
    const door = body as z.output<typeof bookingCancelledAtDoorSchema>;
    refuseIssues(prefixed(sameRecord(c, door, { id, deviceSeq })));
    let outcome;
    try {
      outcome = await receiveDoorCancellation(db, c.get('device'), { id, deviceSeq, door });
    } catch (error) {
      throw lifecycleError(c, error, () => []);
    }
    return answer(c, id, outcome);
  });

  return app;
}

// A record's body names the record it is and the tablet that made it: it must be this record, from
// this device, or one tablet could file answers as another's.
function sameRecord(
  c: Context<CoordinatorEnv & DeviceEnv>,
  inner: { id: string; deviceId: string; deviceSeq: number },
  outer: { id: string; deviceSeq: number },
): Issue[] {
  const lang = requestLang(c);
  const wrong = (path: string): Issue => ({
    path,
    code: 'record_mismatch',
    message: issueMessage(path, 'record_mismatch', lang),
  });
  return [
    ...(inner.id === outer.id ? [] : [wrong('id')]),
    ...(inner.deviceId === c.get('device').id ? [] : [wrong('deviceId')]),
    ...(inner.deviceSeq === outer.deviceSeq ? [] : [wrong('deviceSeq')]),
  ];
}

// Issues found inside the sealed response are reported under `body.`, where the client put it.
const prefixed = (issues: Issue[]) =>
  issues.map((issue) => ({ ...issue, path: issue.path ? `body.${issue.path}` : 'body' }));
