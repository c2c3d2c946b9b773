import type { CoordinatorSession } from '@stue/core';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, SESSION_COOKIE, type CoordinatorEnv } from './coordinator-auth.js';
import { HubError } from '../http/hub-error.js';
import { jsonBody } from '../http/json-body.js';
import { clientAddress } from '../http/client-address.js';
import { authenticate, createSession, deleteSession, SESSION_HOURS } from './coordinators.js';
import { PasswordHasherBusyError } from './passwords.js';
import { SignInThrottle } from './throttle.js';

/**
 * The cookie that tells the sign-in throttle this browser has signed in to the account before
 * (OWASP's device cookie): it is then throttled on its own, never by strangers' attempts.
 */
export const DEVICE_COOKIE = 'stue_device';
const DEVICE_COOKIE_DAYS = 90;

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

/** How `/api/v1/session` guards sign-in. */
export interface SessionRoutesOptions {
  /** Growing delays per address and per account (default: a new {@link SignInThrottle}). */
  throttle?: SignInThrottle;
}

/**
 * `/api/v1/session`: coordinators sign in (POST), see who they are and get the CSRF token (GET),
 * and sign out (DELETE). The session lives in an `HttpOnly; Secure; SameSite=Strict` cookie.
 * Sign-in attempts are throttled before any password is hashed, and hashed on a bounded pool:
 * both answer 429 with `Retry-After`.
 */
export function sessionRoutes(
  db: HubDatabase,
  { throttle = new SignInThrottle() }: SessionRoutesOptions = {},
) {
  const app = new Hono<CoordinatorEnv>();

  app.post('/', jsonBody(loginSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const attempt = throttle.begin({
      address: clientAddress(c),
      email,
      deviceCookie: getCookie(c, DEVICE_COOKIE),
    });
    if (!attempt.allowed) {
      throw new HubError(429, 'rate_limited', {
        headers: { 'Retry-After': String(attempt.retryAfterSeconds) },
      });
    }
    let coordinator;
    try {
      coordinator = await authenticate(db, email, password, { priority: attempt.knownDevice });
    } catch (error) {
      attempt.abandoned();
      if (!(error instanceof PasswordHasherBusyError)) throw error;
      // Every hashing thread is busy and the queue is full: a moment later there is room.
      throw new HubError(429, 'rate_limited', { headers: { 'Retry-After': '1' } });
    }
    if (!coordinator) {
      attempt.failed();
      throw new HubError(401, 'invalid_credentials');
    }
    const deviceCookie = attempt.succeeded();
    const { token, csrfToken } = await createSession(db, coordinator.id);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    // After the session cookie: clients that read only the first cookie get the session.
    setCookie(c, DEVICE_COOKIE, deviceCookie, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/v1/session',
      maxAge: DEVICE_COOKIE_DAYS * 86_400,
    });
    return c.json({ coordinator, csrfToken } satisfies CoordinatorSession);
  });

  app.get('/', coordinatorAuth(db), (c) =>
    c.json({
      coordinator: c.get('coordinator'),
      csrfToken: c.get('csrfToken'),
    } satisfies CoordinatorSession),
  );

  app.delete('/', coordinatorAuth(db), async (c) => {
    await deleteSession(db, getCookie(c, SESSION_COOKIE)!);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  });

  return app;
}
