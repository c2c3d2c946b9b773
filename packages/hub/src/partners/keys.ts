import { hash, randomBytes, randomUUID } from 'node:crypto';
import type { PartnerWithKeys } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { hasRow } from '../db/rows.js';

/** The SHA-256 of a key, as stored: the key itself never is. */
export function hashKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** A partner as the API sees it once a key has identified it. */
export interface KeyHolder {
  partnerId: string;
  keyId: string;
  kind: 'publishable' | 'secret';
  allowedOrigins: string[];
}

// Read on every partner request, so compiled once (db/prepared.ts).
const keyHolderRow = preparedQuery((db, keyHash) =>
  db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select([
      'partner_keys.id as keyId',
      'partner_keys.kind',
      'partners.id as partnerId',
      'partners.allowed_origins',
    ])
    .where('partner_keys.key_hash', '=', keyHash)
    .where('partner_keys.revoked_at', 'is', null),
);

/** Finds the partner behind an unrevoked key, or `undefined`. */
export async function findKeyHolder(db: HubDatabase, key: string): Promise<KeyHolder | undefined> {
  const [row] = await keyHolderRow(db, hashKey(key));
  if (!row) return undefined;
  return {
    partnerId: row.partnerId,
    keyId: row.keyId,
    kind: row.kind === 'secret' ? 'secret' : 'publishable',
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
  };
}

/**
 * Whether a browser origin matches one of a partner's allowed origins. An entry may end in `:*`
 * to allow any port (used for loopback in demo mode); otherwise the match is exact.
 *
 * @example
 * originAllowed('http://127.0.0.1:5173', ['http://127.0.0.1:*']); // true
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  return allowed.some((entry) => {
    if (!entry.endsWith(':*')) return entry === origin;
    const base = entry.slice(0, -2);
    return `${url.protocol}//${url.hostname}` === base;
  });
}

/** The two kinds of partner key. */
export type KeyKind = KeyHolder['kind'];

/**
 * A new key: `pk_` (publishable) or `sk_` (secret) and 32 random bytes, URL-safe. Shown once,
 * stored as a hash.
 */
export function newKey(kind: KeyKind): string {
  return `${kind === 'secret' ? 'sk' : 'pk'}_${randomBytes(32).toString('base64url')}`;
}

/** The start of a key that lists show (`sk_AbCdEfGh`): enough to tell keys apart, not to use one. */
export const keyPrefix = (key: string) => key.slice(0, 11);

/** A partner's key as lists show it: never the key or its hash. */
export interface KeySummary {
  id: string;
  kind: KeyKind;
  prefix: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Stores a key for a partner (its hash and prefix). Call inside the caller's transaction when
 * the partner is being created.
 */
export async function storeKey(
  db: HubDatabase,
  partnerId: string,
  kind: KeyKind,
  key: string,
  now = new Date().toISOString(),
): Promise<KeySummary> {
  const id = randomUUID();
  await db
    .insertInto('partner_keys')
    .values({
      id,
      partner_id: partnerId,
      kind,
      key_hash: hashKey(key),
      prefix: keyPrefix(key),
      created_at: now,
      revoked_at: null,
    })
    .execute();
  return { id, kind, prefix: keyPrefix(key), createdAt: now, revokedAt: null };
}

/**
 * Makes a new key for an existing partner and answers it with its summary, or `undefined` when
 * there is no such partner. The key is shown to the caller this once.
 */
export async function createKey(
  db: HubDatabase,
  partnerId: string,
  kind: KeyKind,
): Promise<{ key: string; summary: KeySummary } | undefined> {
  if (!(await hasRow(db, 'partners', partnerId))) return undefined;
  const key = newKey(kind);
  return { key, summary: await storeKey(db, partnerId, kind, key) };
}

/**
 * Revokes a key; it is refused from the next request on (keys are looked up on every request,
 * never cached). Answers the key's summary, or `undefined` when the partner has no such key.
 * Revoking twice keeps the first time.
 */
export async function revokeKey(
  db: HubDatabase,
  keyId: string,
  partnerId?: string,
): Promise<KeySummary | undefined> {
  const now = new Date().toISOString();
  await db
    .updateTable('partner_keys')
    .set({ revoked_at: now })
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .$if(partnerId !== undefined, (q) => q.where('partner_id', '=', partnerId!))
    .execute();
  const row = await db
    .selectFrom('partner_keys')
    .selectAll()
    .where('id', '=', keyId)
    .$if(partnerId !== undefined, (q) => q.where('partner_id', '=', partnerId!))
    .executeTakeFirst();
  return row && keySummary(row);
}

/** A stored key row as a {@link KeySummary}. */
export function keySummary(row: {
  id: string;
  kind: string;
  prefix: string | null;
  created_at: string;
  revoked_at: string | null;
}): KeySummary {
  return {
    id: row.id,
    kind: row.kind === 'secret' ? 'secret' : 'publishable',
    prefix: row.prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Every partner with its keys (summaries only), by name. */
export async function listPartners(db: HubDatabase): Promise<PartnerWithKeys[]> {
  const partners = await db
    .selectFrom('partners')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  const keys = await db
    .selectFrom('partner_keys')
    .select(['id', 'partner_id', 'kind', 'prefix', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return partners.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    allowedOrigins: JSON.parse(p.allowed_origins) as string[],
    createdAt: p.created_at,
    keys: keys.filter((k) => k.partner_id === p.id).map(keySummary),
  }));
}
