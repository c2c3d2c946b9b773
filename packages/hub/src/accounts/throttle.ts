import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How one throttle key slows down: the first `free` unsuccessful attempts go at once; after that
 * each waits twice as long as the one before (`baseMs`, `2 × baseMs`, …), never more than `capMs`.
 */
export interface ThrottleRule {
  free: number;
  baseMs: number;
  capMs: number;
}

/** The sign-in throttle's rules; see {@link SignInThrottle}. */
export interface SignInThrottleOptions {
  /** Attempts from one client address, whatever the account. */
  perAddress?: ThrottleRule;
  /** Attempts on one account from anywhere, by clients without the account's device cookie. */
  perAccount?: ThrottleRule;
  /** Attempts on one account from one browser holding its device cookie. */
  perDevice?: ThrottleRule;
  /** A key with no attempt for this long starts again from nothing. */
  forgetAfterMs?: number;
  /** At most this many keys are remembered; the longest unused go first. */
  maxKeys?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/**
 * The defaults. The account-wide cap is small on purpose: it is the only key an attacker can
 * drive for somebody else's account, so the most it can cost the real coordinator (without a
 * device cookie) is half a minute, never a lock-out. The address cap can be long: it only ever
 * slows the address that made the attempts.
 */
export const SIGN_IN_THROTTLE_DEFAULTS = {
  perAddress: { free: 10, baseMs: 1000, capMs: 5 * 60_000 },
  // Above the address allowance, so that one address alone cannot slow the account for others.
  perAccount: { free: 20, baseMs: 1000, capMs: 30_000 },
  perDevice: { free: 10, baseMs: 1000, capMs: 5 * 60_000 },
  forgetAfterMs: 60 * 60_000,
  maxKeys: 100_000,
} as const satisfies Required<Omit<SignInThrottleOptions, 'now'>>;

interface Entry {
  /** Attempts not (yet) known to have succeeded: failures, and those still being checked. */
  count: number;
  last: number;
}

/** One sign-in attempt the throttle let through; say how it ended. */
export interface SignInAttempt {
  allowed: true;
  /** It carries the account's device cookie: its password check may go before strangers'. */
  knownDevice: boolean;
  /** The password was right: returns a device cookie value for this account and browser. */
  succeeded(): string;
  /** The e-mail or password was wrong. */
  failed(): void;
  /** The password was never checked (the hasher was busy, or an error): as if never tried. */
  abandoned(): void;
}

/** The throttle refused the attempt before any password was checked. */
export interface SignInRefusal {
  allowed: false;
  /** Whole seconds until a try from this client would be let through. */
  retryAfterSeconds: number;
}

/**
 * Slows password guessing with growing delays, per client address and per account, instead of
 * locking anyone out (OWASP's authentication cheat sheet). An attempt is refused, before any
 * hashing, while any of its keys is still waiting. A browser that once signed in to the account
 * holds a signed device cookie for it, and is throttled by that cookie instead of by the account:
 * someone else's attempts on the coordinator's e-mail never keep the coordinator out.
 *
 * State lives in this process's memory; a restart forgets it (and the device cookies' key).
 *
 * @example
 * const attempt = throttle.begin({ address, email, deviceCookie });
 * if (!attempt.allowed) return tooMany(attempt.retryAfterSeconds);
 * (await authenticate(…)) ? attempt.succeeded() : attempt.failed();
 */
export class SignInThrottle {
  readonly #rules: Required<Omit<SignInThrottleOptions, 'now'>>;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  // Signs device cookies; made with the process, like the rest of the throttle's state.
  readonly #secret = randomBytes(32);

  constructor({ now = Date.now, ...rules }: SignInThrottleOptions = {}) {
    this.#rules = { ...SIGN_IN_THROTTLE_DEFAULTS, ...rules };
    this.#now = now;
  }

  /** Lets an attempt through (and counts it at once, so parallel tries count too), or refuses it. */
  begin(attempt: {
    address: string;
    email: string;
    deviceCookie?: string | undefined;
  }): SignInAttempt | SignInRefusal {
    const now = this.#now();
    this.#forgetOld(now);
    const email = attempt.email.trim().toLowerCase();
    const device = this.#deviceId(attempt.deviceCookie, email);
    const keys: [string, ThrottleRule][] = [
      [`address\n${attempt.address}`, this.#rules.perAddress],
      device
        ? [`device\n${device}`, this.#rules.perDevice]
        : [`account\n${email}`, this.#rules.perAccount],
    ];
    const waitMs = Math.max(...keys.map(([key, rule]) => this.#waitMs(key, rule, now)));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };

    for (const [key] of keys) {
      const entry = this.#entries.get(key) ?? { count: 0, last: now };
      this.#entries.delete(key);
      this.#entries.set(key, { count: entry.count + 1, last: now });
    }
    this.#evictOverflow();
    const uncount = () => {
      for (const [key] of keys) {
        const entry = this.#entries.get(key);
        if (entry) entry.count = Math.max(0, entry.count - 1);
      }
    };
    let settled = false;
    const once = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    return {
      allowed: true,
      knownDevice: device !== undefined,
      succeeded: () => {
        // The account's own failures from elsewhere still stand; this browser starts afresh.
        once(uncount);
        if (device) this.#entries.delete(`device\n${device}`);
        return this.#issueDeviceCookie(email);
      },
      failed: () => once(() => {}),
      abandoned: () => once(uncount),
    };
  }

  /** How many keys it remembers now. */
  get size(): number {
    return this.#entries.size;
  }

  #waitMs(key: string, rule: ThrottleRule, now: number): number {
    const entry = this.#entries.get(key);
    if (!entry || entry.count < rule.free) return 0;
    const delay = Math.min(rule.baseMs * 2 ** (entry.count - rule.free), rule.capMs);
    return Math.max(0, entry.last + delay - now);
  }

  // The map is kept in order of last use, so the stale keys are at its start.
  #forgetOld(now: number) {
    for (const [key, entry] of this.#entries) {
      if (now - entry.last <= this.#rules.forgetAfterMs) break;
      this.#entries.delete(key);
    }
  }

  #evictOverflow() {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#rules.maxKeys) break;
      this.#entries.delete(key);
    }
  }

  #mac(id: string, email: string) {
    return createHmac('sha256', this.#secret).update(`${id}\n${email}`).digest();
  }

  #issueDeviceCookie(email: string): string {
    const id = randomBytes(16).toString('base64url');
    return `${id}.${this.#mac(id, email).toString('base64url')}`;
  }

  // The cookie's id when it was issued by this process for this account; otherwise nothing.
  #deviceId(cookie: string | undefined, email: string): string | undefined {
    const [id, mac, ...rest] = (cookie ?? '').split('.');
    if (!id || !mac || rest.length > 0) return undefined;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.#mac(id, email);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }
}
