import type { NominationDetail } from '@stue/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { isConsentInFuture, issueMessage, NOMINATION_STATUSES, readNomination } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { answerCors } from '../http/answer-cors.js';
import { limitBody } from '../http/body-limit.js';
import { requestLang } from '../http/errors.js';
import { HubError } from '../http/hub-error.js';
import { found, listed } from '../http/outcomes.js';
import { jsonBody } from '../http/json-body.js';
import { partnerAuth, type PartnerAuthEnv } from '../partners/partner-auth.js';
import {
  DEFAULT_RATE_LIMITS,
  perAddressLimit,
  perPartnerLimit,
  type RateLimits,
} from '../http/rate-limit.js';
import { auditHistory } from '../audit/store.js';
import { pageQuery, uuidParam, validQuery } from '../http/params.js';
import { nominationActions } from '../planning/nomination-actions/service.js';
import {
  findNominationItem,
  findNominationStatus,
  listNominations,
  nominationWriter,
  REFERENCE_PATTERN,
} from './store.js';
import { listNotes } from './notes/store.js';
import { consentInFuture } from '../consents/index.js';
import { checkNominationProgramme } from '../programmes/index.js';

/** The largest nomination body the hub reads; anything larger is refused before parsing. */
export const MAX_NOMINATION_BYTES = 32 * 1024;

const listQuerySchema = z.strictObject({
  status: z.optional(z.array(z.enum(NOMINATION_STATUSES, { error: 'invalid_choice' }))),
  partner: z.optional(z.string().check(z.maxLength(100, { error: 'too_long' }))),
  waitingDays: z.optional(
    z.coerce.number().check(z.int({ error: 'invalid_type' }), z.minimum(0, { error: 'invalid' })),
  ),
  limit: pageQuery.limit,
  // Shorter than other lists' cursors (`pageQuery`): this one holds a time and an id.
  cursor: z.optional(z.string().check(z.maxLength(200, { error: 'too_long' }))),
});

// An audit entry without its free text: the move and the statuses it went between.
const withoutWords = ({
  reason: _,
  details,
  ...entry
}: Awaited<ReturnType<typeof auditHistory>>[number]) => {
  const { from, to } = (details ?? {}) as { from?: unknown; to?: unknown };
  return {
    ...entry,
    ...(typeof from === 'string' && typeof to === 'string' ? { details: { from, to } } : {}),
  };
};

/**
 * `/api/v1/nominations`. Partner sites create nominations and read their status with a partner
 * key (any origin may ask — CORS — and the key's allow-list decides who is answered);
 * coordinators list them, and read one with its history and notes, with their session.
 */
export function nominationRoutes(db: HubDatabase, limits: RateLimits = DEFAULT_RATE_LIMITS) {
  const app = new Hono<PartnerAuthEnv & CoordinatorEnv>();
  // A page's script honours a 429's or 503's wait only if it may read it.
  const exposeHeaders = ['Retry-After', 'Date'];
  const partner = [
    answerCors(exposeHeaders),
    perAddressLimit(limits.perAddress),
    partnerAuth(db),
    perPartnerLimit(limits.perPartner),
  ] as const;

  app.options(
    '*',
    cors({
      origin: (origin) => origin,
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization', 'content-type'],
      exposeHeaders,
      maxAge: 600,
    }),
  );
  const receive = nominationWriter(db);

  app.post('/', ...partner, limitBody(MAX_NOMINATION_BYTES), jsonBody(), async (c) => {
    const input = c.req.valid('json');
    // Every version still in use is read, and stored as the current one.
    const receivedAt = new Date();
    const lang = requestLang(c);
    const checked = readNomination(input, { lang, now: receivedAt });
    if (!checked.ok) throw new HubError(400, 'invalid_body', { issues: checked.issues });
    // A consent not yet given is no consent. Checked here, on arrival, by the hub's clock — not
    // when a replay is read again, so a nomination stored once is always answered the same.
    const future = (['consent', 'feedbackConsent'] as const).filter((key) => {
      const at = checked.value[key]?.at;
      return at !== undefined && isConsentInFuture(at, receivedAt);
    });
    if (future.length > 0) {
      const issues = future.map((key) => consentInFuture(`${key}.at`, lang));
      throw new HubError(400, 'invalid_body', { issues });
    }
    // A programme the hub does not hold, or a notice version it never had, would make the record
    // say the pair read words nobody can find again.
    const consents = (['consent', 'feedbackConsent'] as const).flatMap((key) => {
      const given = checked.value[key];
      return given ? [{ path: `${key}.noticeVersion`, noticeVersion: given.noticeVersion }] : [];
    });
    const programme = await checkNominationProgramme(
      db,
      checked.value.programmeId,
      consents.map((consent) => consent.noticeVersion),
    );
    if (programme.kind !== 'ok') {
      const path =
        programme.kind === 'unknown_programme' ? 'programmeId' : consents[programme.index]!.path;
      throw new HubError(422, programme.kind, {
        issues: [{ path, code: 'not_found', message: issueMessage(path, 'not_found', lang) }],
      });
    }
    const read = (at: Date) => {
      const again =
        at.getTime() === receivedAt.getTime() ? checked : readNomination(input, { now: at });
      if (!again.ok) throw new Error('A nomination that was valid is no longer readable');
      return again.value;
    };
    const outcome = await receive({ read, by: c.get('partner'), receivedAt });
    if (outcome.kind === 'conflict') throw new HubError(409, 'nomination_conflict');
    if (outcome.kind === 'erased') throw new HubError(410, 'person_erased');
    return c.json(outcome.receipt, outcome.kind === 'created' ? 201 : 200);
  });

  app.get('/:reference/status', ...partner, async (c) => {
    const reference = c.req.param('reference').toUpperCase();
    if (!REFERENCE_PATTERN.test(reference)) throw new HubError(400, 'invalid_parameter');
    return c.json(found(await findNominationStatus(db, reference, c.get('partner').partnerId)));
  });

  const listQuery = validQuery(listQuerySchema, { arrays: ['status'] });
  app.get('/', coordinatorAuth(db), listQuery, async (c) => {
    const { status, partner: partnerId, waitingDays, limit = 50, cursor } = c.req.valid('query');
    const receivedBefore =
      waitingDays === undefined
        ? undefined
        : new Date(Date.now() - waitingDays * 86_400_000).toISOString();
    const page = await listNominations(db, { status, partnerId, receivedBefore, limit, cursor });
    return c.json(listed(page));
  });

  app.get('/:id', coordinatorAuth(db), uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const item = found(await findNominationItem(db, id));
    const history = await auditHistory(db, 'nomination', id);
    const hidden = item.consentWithdrawnAt !== null;
    return c.json({
      ...item,
      // Withdrawn consent: what happened and when, not the reasons or notes coordinators wrote,
      // which may name the pair (RELIABILITY.md S14). They come back with a new consent.
      history: hidden ? history.map(withoutWords) : history,
      notes: hidden ? [] : await listNotes(db, id),
      allowedActions: nominationActions(id, item.status),
    } satisfies NominationDetail);
  });

  return app;
}
