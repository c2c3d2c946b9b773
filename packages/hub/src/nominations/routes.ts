import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { nominationSchema, validate } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { apiError, requestLang } from '../http/errors.js';
import { partnerAuth, type PartnerAuthEnv } from '../http/partner-auth.js';
import {
  DEFAULT_RATE_LIMITS,
  perAddressLimit,
  perPartnerLimit,
  type RateLimits,
} from '../http/rate-limit.js';
import { findNominationStatus, receiveNomination, REFERENCE_PATTERN } from './store.js';

/** The largest nomination body the hub reads; anything larger is refused before parsing. */
export const MAX_NOMINATION_BYTES = 32 * 1024;

/**
 * `/api/v1/nominations`: partner sites create nominations and read their status.
 * Any origin may ask (CORS); the key's origin allow-list decides who is answered.
 */
export function nominationRoutes(db: HubDatabase, limits: RateLimits = DEFAULT_RATE_LIMITS) {
  const app = new Hono<PartnerAuthEnv>();

  app.use(
    '*',
    cors({
      origin: (origin) => origin,
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    }),
  );
  app.use('*', perAddressLimit(limits.perAddress));
  app.use('*', partnerAuth(db));
  app.use('*', perPartnerLimit(limits.perPartner));

  app.post(
    '/',
    bodyLimit({
      maxSize: MAX_NOMINATION_BYTES,
      onError: (c) => apiError(c, 413, 'payload_too_large'),
    }),
    async (c) => {
      let input: unknown;
      try {
        input = JSON.parse(await c.req.text());
      } catch {
        const message =
          requestLang(c) === 'en' ? 'The body is not valid JSON' : 'Indholdet er ikke gyldig JSON';
        return apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_type', message }]);
      }
      const checked = validate(nominationSchema, input, { lang: requestLang(c) });
      if (!checked.ok) return apiError(c, 400, 'invalid_body', checked.issues);
      const outcome = await receiveNomination(db, checked.value, c.get('partner'));
      if (outcome.kind === 'conflict') return apiError(c, 409, 'nomination_conflict');
      return c.json(outcome.receipt, outcome.kind === 'created' ? 201 : 200);
    },
  );

  app.get('/:reference/status', async (c) => {
    const reference = c.req.param('reference').toUpperCase();
    if (!REFERENCE_PATTERN.test(reference)) return apiError(c, 400, 'invalid_parameter');
    const status = await findNominationStatus(db, reference, c.get('partner').partnerId);
    return status ? c.json(status) : apiError(c, 404, 'not_found');
  });

  return app;
}
