// The hub's answer to a coordinator signing in, and to who is signed in.
import * as z from 'zod/mini';

/** A signed-in coordinator, and the token every write must carry in `X-CSRF-Token`. */
export const coordinatorSessionSchema = z.object({
  coordinator: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  csrfToken: z.string(),
});
/** A signed-in coordinator, and the token every write must carry in `X-CSRF-Token`. */
export type CoordinatorSession = z.output<typeof coordinatorSessionSchema>;
