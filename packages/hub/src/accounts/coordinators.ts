import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { containsCprNumber, normalisePhone } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { hashPassword, verifyNoAccount, verifyPassword } from './passwords.js';

/** A coordinator as the API shows them. */
export interface Coordinator {
  id: string;
  email: string;
  name: string;
}

/** How long a sign-in lasts: a working day, then the coordinator signs in again. */
export const SESSION_HOURS = 10;

/**
 * Creates a coordinator account. E-mail addresses are compared lower-cased. A name that holds a
 * CPR number is refused (RELIABILITY.md S13: no free text anywhere keeps one). The phone number,
 * when given, is the one a concert's calendar file gives for its contact person; it is stored in
 * E.164 and refused when it is not a phone number.
 *
 * @example
 * await createCoordinator(db, { email: 'mette@example.dk', name: 'Mette', password: '…', phone: '33 12 34 56' });
 */
export async function createCoordinator(
  db: HubDatabase,
  input: { email: string; name: string; password: string; phone?: string | undefined },
): Promise<Coordinator> {
  if (containsCprNumber(input.name)) throw new Error('A name must not contain a CPR number.');
  const phone = input.phone === undefined ? null : normalisePhone(input.phone);
  if (phone === undefined) {
    throw new Error('A phone number has 8 digits (20 30 40 50), or a country code (+46 …).');
  }
  const coordinator = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
  };
  await db
    .insertInto('coordinators')
    .values({
      ...coordinator,
      password_hash: await hashPassword(input.password),
      created_at: new Date().toISOString(),
      disabled_at: null,
      phone,
    })
    .execute();
  return coordinator;
}

/**
 * The coordinator with this e-mail and password, or `undefined`; takes as long either way.
 * `priority` puts the password check before waiting ones (a browser the account knows).
 */
export async function authenticate(
  db: HubDatabase,
  email: string,
  password: string,
  { priority = false }: { priority?: boolean } = {},
): Promise<Coordinator | undefined> {
  const row = await db
    .selectFrom('coordinators')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return verifyNoAccount(password, { priority }).then(() => undefined);
  const ok = await verifyPassword(password, row.password_hash, { priority });
  return ok ? { id: row.id, email: row.email, name: row.name } : undefined;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session: returns the cookie value and the CSRF token that writes must echo. */
export async function createSession(db: HubDatabase, coordinatorId: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      coordinator_id: coordinatorId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The coordinator and CSRF token behind a session cookie value, while it has not expired. */
export async function findSession(db: HubDatabase, token: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('coordinators', 'coordinators.id', 'sessions.coordinator_id')
    .select(['coordinators.id', 'coordinators.email', 'coordinators.name', 'sessions.csrf_token'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date().toISOString())
    .where('coordinators.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrf_token: csrfToken, ...coordinator } = row;
  return { coordinator, csrfToken };
}

/** Ends a session (sign-out). */
export async function deleteSession(db: HubDatabase, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
