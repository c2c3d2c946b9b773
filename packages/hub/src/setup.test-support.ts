import { PasswordHasher, replacePasswordHasher } from './accounts/passwords.js';

// Every test file runs this first (vitest.config.ts `setupFiles`). Hub tests create and sign in
// coordinators hundreds of times; at the production cost (N=2^17, about a quarter of a second a
// hash) that alone took most of the suite's nine minutes. This cheap cost still goes through
// the same pool and the same code; `passwords.test.ts` proves production hashes at full cost.
replacePasswordHasher(new PasswordHasher({ cost: { N: 2 ** 10, r: 8, p: 1 } }));
