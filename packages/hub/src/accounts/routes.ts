import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { validate } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, SESSION_COOKIE, type CoordinatorEnv } from '../http/coordinator-auth.js';
import { apiError, requestLang } from '../http/errors.js';
import { readJsonBody } from '../http/json-body.js';
import { perAddressLimit, type Limit } from '../http/rate-limit.js';
import { authenticate, createSession, deleteSession, SESSION_HOURS } from './coordinators.js';

/** Sign-in attempts allowed per client address: slows password guessing to a crawl. */
export const LOGIN_LIMIT: Limit = { limit: 10, windowMs: 15 * 60_000 };

/**
 * The largest sign-in body the hub reads: the longest e-mail address and password, every
 * character `\u`-escaped (six bytes each), fit with room to spare.
 */
export const MAX_SIGN_IN_BYTES = 8 * 1024;

/** What a coordinator sends to sign in. */
export const loginSchema = z.strictObject({
  email: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'required' }),
      z.maxLength(254, { error: 'too_long' }),
    ),
  password: z
    .string()
    .check(z.minLength(1, { error: 'required' }), z.maxLength(1024, { error: 'too_long' })),
});

/**
 * `/api/v1/session`: coordinators sign in (POST), see who they are and get the CSRF token (GET),
 * and sign out (DELETE). The session lives in an `HttpOnly; Secure; SameSite=Strict` cookie.
 */
export function sessionRoutes(db: HubDatabase, loginLimit: Limit = LOGIN_LIMIT) {
  const app = new Hono<CoordinatorEnv>();

  app.post('/', perAddressLimit(loginLimit), async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const checked = validate(loginSchema, body.value, { lang: requestLang(c) });
    if (!checked.ok) return apiError(c, 400, 'invalid_body', checked.issues);
    const coordinator = await authenticate(db, checked.value.email, checked.value.password);
    if (!coordinator) return apiError(c, 401, 'invalid_credentials');
    const { token, csrfToken } = await createSession(db, coordinator.id);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ coordinator, csrfToken });
  });

  app.get('/', coordinatorAuth(db), (c) =>
    c.json({ coordinator: c.get('coordinator'), csrfToken: c.get('csrfToken') }),
  );

  app.delete('/', coordinatorAuth(db), async (c) => {
    await deleteSession(db, getCookie(c, SESSION_COOKIE)!);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  });

  return app;
}
