import { config } from 'zod/mini';

/**
 * Makes validation work under a strict Content-Security-Policy (no `unsafe-eval`): zod otherwise
 * probes and uses `new Function` to compile fast validators, which such a policy reports. Call it
 * once, before the first validation, in pages and apps with a strict CSP. The setting is global to
 * the page's copy of zod.
 *
 * @example
 * useJitlessValidation();
 * validate(nominationSchema, input);
 */
export function useJitlessValidation(): void {
  config({ jitless: true });
}
