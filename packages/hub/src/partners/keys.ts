import { createHash } from 'node:crypto';
import type { HubDatabase } from '../db/database.js';

/** The SHA-256 of a key, as stored: the key itself never is. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A partner as the API sees it once a key has identified it. */
export interface KeyHolder {
  partnerId: string;
  keyId: string;
  kind: 'publishable' | 'secret';
  allowedOrigins: string[];
}

/** Finds the partner behind an unrevoked key, or `undefined`. */
export async function findKeyHolder(db: HubDatabase, key: string): Promise<KeyHolder | undefined> {
  const row = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select([
      'partner_keys.id as keyId',
      'partner_keys.kind',
      'partners.id as partnerId',
      'partners.allowed_origins',
    ])
    .where('partner_keys.key_hash', '=', hashKey(key))
    .where('partner_keys.revoked_at', 'is', null)
    .executeTakeFirst();
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
