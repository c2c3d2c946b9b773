import * as z from 'zod/mini';
import { choice, opaqueId, requiredText, storedTimes } from './fields.js';

/** The version of the partner record this SDK reads and writes. */
export const PARTNER_SCHEMA_VERSION = 1;

/** What kind of organisation a partner is. */
export const PARTNER_KINDS = ['visit-service', 'municipality', 'venue', 'other'] as const;
/** One of {@link PARTNER_KINDS}. */
export type PartnerKind = (typeof PARTNER_KINDS)[number];

// A wildcard port is allowed only on loopback, where development servers pick their own ports.
const LOOPBACK_WILDCARD = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\*$/;
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * The origin an allowed-origin entry stands for, normalised as browsers send it in `Origin`
 * (lower-case host, punycode, no default port), or `undefined` when the entry is not one:
 *
 * - `https://host` or `https://host:port`, optionally with a trailing `/`, no path, query,
 *   fragment or credentials;
 * - `http://` only on loopback (`127.0.0.1`, `localhost`, `[::1]`), with a port or with `:*` for
 *   any port (demo and development).
 *
 * @example
 * normaliseAllowedOrigin('https://Besoeg.Example.dk/'); // 'https://besoeg.example.dk'
 * normaliseAllowedOrigin('http://127.0.0.1:*'); // 'http://127.0.0.1:*'
 * normaliseAllowedOrigin('http://example.dk'); // undefined – not encrypted
 */
export function normaliseAllowedOrigin(text: string): string | undefined {
  if (LOOPBACK_WILDCARD.test(text)) return text;
  const url = parseUrl(text);
  if (!url || url.username !== '' || url.password !== '') return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
  // Browsers never send a wildcard host; refusing it keeps "*.example.dk" from looking allowed.
  if (url.hostname.includes('*')) return undefined;
  // `new URL` accepts a path-less "https://host?" or "https://host#": only a bare origin counts.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(text)) return undefined;
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  return secure || loopback ? url.origin : undefined;
}

/** An allowed origin (see {@link normaliseAllowedOrigin}), stored normalised. */
function allowedOrigin() {
  return z.string().check(
    z.trim(),
    z.refine((value) => normaliseAllowedOrigin(value) !== undefined, { error: 'invalid_origin' }),
    z.overwrite((value) => normaliseAllowedOrigin(value) ?? value),
  );
}

/**
 * A webhook endpoint: an `https` URL without credentials, fragment or whitespace. Plain `http` is
 * refused so that events about people never travel unencrypted; the hub also refuses to call
 * private addresses at delivery time, which a URL alone cannot show. URLs are not checked for CPR
 * numbers: a token or UUID in a path can hold a CPR-shaped run, and nobody types a person's
 * number into a webhook address.
 */
function webhookUrl() {
  return z.string().check(
    z.trim(),
    z.maxLength(2000, { error: 'too_long' }),
    z.refine(
      (value) => {
        const url = parseUrl(value);
        return (
          url !== undefined &&
          !/\s/.test(value) &&
          url.protocol === 'https:' &&
          url.username === '' &&
          url.password === '' &&
          url.hash === ''
        );
      },
      { error: 'invalid_webhook_url' },
    ),
  );
}

function uniqueList<T extends z.core.$ZodType<string>>(item: T, max: number) {
  return z.array(item).check(
    z.maxLength(max, { error: 'too_many' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'duplicate_choice' }),
  );
}

/**
 * A partner organisation as an administrator registers or edits it: its name and kind, the
 * browser origins its widget may be embedded on, and the `https` endpoints that receive its
 * webhooks. Keys are not part of it: the hub issues publishable and secret keys separately and
 * never returns a secret key after creating it.
 *
 * @example
 * validate(partnerInputSchema, {
 *   schemaVersion: 1,
 *   name: 'Ældre Sagen Aarhus',
 *   kind: 'visit-service',
 *   allowedOrigins: ['https://www.aeldresagen.dk'],
 *   webhookUrls: ['https://api.aeldresagen.dk/stue/events'],
 * });
 */
export const partnerInputSchema = z.strictObject({
  schemaVersion: z.literal(PARTNER_SCHEMA_VERSION, { error: 'unsupported_version' }),
  name: requiredText(120),
  kind: choice(PARTNER_KINDS),
  allowedOrigins: z._default(uniqueList(allowedOrigin(), 20), () => []),
  webhookUrls: z._default(uniqueList(webhookUrl(), 5), () => []),
});
/** What an administrator may send for a partner. */
export type PartnerInput = z.input<typeof partnerInputSchema>;

/** A partner as the hub stores and returns it: the input plus its id and times. */
export const partnerSchema = z.extend(partnerInputSchema, {
  id: opaqueId(),
  ...storedTimes(),
});
/** A valid, normalised partner record. */
export type Partner = z.output<typeof partnerSchema>;
