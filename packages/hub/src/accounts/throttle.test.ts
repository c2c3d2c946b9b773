import { describe, expect, it } from 'vitest';
import { SignInThrottle, type SignInAttempt, type SignInRefusal } from './throttle.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const allowed = (a: SignInAttempt | SignInRefusal): a is SignInAttempt => a.allowed;

// Tries once and fails; returns the refusal's Retry-After, or 0 when the try went through.
function failOnce(throttle: SignInThrottle, address: string, email: string, cookie?: string) {
  const attempt = throttle.begin({ address, email, deviceCookie: cookie });
  if (!allowed(attempt)) return attempt.retryAfterSeconds;
  attempt.failed();
  return 0;
}

// A throttle on a test clock, and the device cookie Mette's browser got from signing in on it.
function signedInOnce() {
  const time = clock();
  const throttle = new SignInThrottle({ now: time.now });
  const first = throttle.begin({ address: '192.0.2.7', email: 'mette@example.dk' });
  if (!allowed(first)) throw new Error('refused');
  return { time, throttle, cookie: first.succeeded() };
}

describe('the sign-in throttle', () => {
  it('lets the first tries from an address through, then makes each wait twice as long, up to a cap', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now });
    for (let i = 0; i < 10; i++) expect(failOnce(throttle, '192.0.2.1', `u${i}@x.dk`)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = failOnce(throttle, '192.0.2.1', `v${i}@x.dk`);
      waits.push(wait);
      time.advance(wait * 1000);
      // After the wait, the try goes through (and fails again): a delay, never a lock-out.
      expect(failOnce(throttle, '192.0.2.1', `w${i}@x.dk`)).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    // Other addresses are not slowed by it.
    expect(failOnce(throttle, '192.0.2.2', 'u0@x.dk')).toBe(0);
  });

  it('slows an account tried from many addresses, by at most half a minute', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now });
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const wait = failOnce(throttle, `198.51.100.${i}`, 'Mette@Example.dk');
      waits.push(wait);
      time.advance(wait * 1000);
    }
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    expect(waits.some((w) => w > 0)).toBe(true);
    expect(Math.max(...waits)).toBe(30);
  });

  it('throttles a browser with the account’s device cookie by the cookie, not by the account', () => {
    const { time, throttle, cookie } = signedInOnce();
    // Strangers, from many addresses, keep the account waiting.
    for (let i = 0; i < 30; i++) failOnce(throttle, `203.0.113.${i}`, 'mette@example.dk');
    expect(failOnce(throttle, '192.0.2.8', 'mette@example.dk')).toBeGreaterThan(0);
    // The coordinator's browser goes through at once, from any address, e-mail however written.
    expect(
      throttle.begin({ address: '192.0.2.9', email: ' METTE@example.dk', deviceCookie: cookie })
        .allowed,
    ).toBe(true);
    // The cookie is for that account only, and cannot be made up.
    expect(
      throttle.begin({
        address: '192.0.2.9',
        email: 'mette@example.dk',
        deviceCookie: `${cookie.split('.')[0]}.AAAA`,
      }).allowed,
    ).toBe(false);
    for (let i = 0; i < 30; i++) failOnce(throttle, `203.0.113.${i}`, 'bent@example.dk');
    expect(
      throttle.begin({ address: '192.0.2.9', email: 'bent@example.dk', deviceCookie: cookie })
        .allowed,
    ).toBe(false);
    // Nor does another process take it (a restart forgets the key, and the waits with it).
    const restarted = new SignInThrottle({ now: time.now });
    for (let i = 0; i < 30; i++) failOnce(restarted, `203.0.113.${i}`, 'mette@example.dk');
    expect(
      restarted.begin({ address: '192.0.2.9', email: 'mette@example.dk', deviceCookie: cookie })
        .allowed,
    ).toBe(false);
  });

  it('a stolen device cookie is itself slowed after its free tries', () => {
    const { throttle, cookie } = signedInOnce();
    for (let i = 0; i < 10; i++) {
      expect(failOnce(throttle, `203.0.113.${i}`, 'mette@example.dk', cookie)).toBe(0);
    }
    expect(failOnce(throttle, '203.0.113.99', 'mette@example.dk', cookie)).toBe(1);
  });

  it('counts tries still being checked, so a burst in parallel gets no more than the free tries', () => {
    const throttle = new SignInThrottle();
    const burst = Array.from({ length: 30 }, (_, i) =>
      throttle.begin({ address: '192.0.2.1', email: `u${i}@x.dk` }),
    );
    expect(burst.filter((a) => a.allowed)).toHaveLength(10);
  });

  it('does not count a success, nor a try whose password was never checked', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 50; i++) {
      const attempt = throttle.begin({ address: '192.0.2.1', email: 'mette@example.dk' });
      if (!allowed(attempt)) throw new Error(`refused at ${i}`);
      if (i % 2) attempt.succeeded();
      else attempt.abandoned();
    }
  });

  it('forgets a key an hour after its last try, and remembers a bounded number of keys', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now, maxKeys: 100 });
    for (let i = 0; i < 11; i++) failOnce(throttle, '192.0.2.1', `u${i}@x.dk`);
    expect(failOnce(throttle, '192.0.2.1', 'x@x.dk')).toBeGreaterThan(0);
    time.advance(60 * 60_000 + 1);
    expect(failOnce(throttle, '192.0.2.1', 'x@x.dk')).toBe(0);
    for (let i = 0; i < 500; i++) failOnce(throttle, `10.0.${i >> 8}.${i & 255}`, `y${i}@x.dk`);
    expect(throttle.size).toBeLessThanOrEqual(100);
  });
});
