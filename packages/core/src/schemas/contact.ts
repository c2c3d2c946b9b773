import * as z from 'zod/mini';

/**
 * The check that a person can be reached: a phone number or an e-mail address, else
 * `contact_required` at `phone`. It runs even when another field of the object is wrong, so that
 * a person sees every problem at once.
 *
 * @example
 * z.strictObject({ phone: z.optional(danishPhone()), email: z.optional(email()) }).check(phoneOrEmail());
 */
export function phoneOrEmail<
  T extends { phone?: string | undefined; email?: string | undefined },
>() {
  return z.refine<T>((value) => value.phone !== undefined || value.email !== undefined, {
    error: 'contact_required',
    path: ['phone'],
    when: ({ value }) => typeof value === 'object' && value !== null,
  });
}
