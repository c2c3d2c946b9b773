import { Hono } from 'hono';
import * as z from 'zod/mini';
import { isUuidV7 } from '@stue/core';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type partnersWebhookDeliveryPageSchema,
  type partnersWebhookEndpointListSchema,
} from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { listed } from '../http/outcomes.js';
import { pageQuery, validQuery } from '../http/params.js';
import { listDeliveries, listEndpoints } from './store.js';

/** The query of a delivery-log request (partners' own requests have no `partner`). */
export const deliveryListQuery = z.strictObject({
  partner: z.optional(z.string().check(z.maxLength(100, { error: 'too_long' }))),
  endpoint: z.optional(z.string().check(z.refine(isUuidV7, { error: 'invalid_id' }))),
  status: z.optional(z.array(z.enum(WEBHOOK_DELIVERY_STATUSES, { error: 'invalid_choice' }))),
  ...pageQuery,
});

const endpointQuery = z.strictObject({
  partner: z.optional(z.string().check(z.maxLength(100, { error: 'too_long' }))),
});

/**
 * `/api/v1/webhooks`, for coordinators: every partner's webhook endpoints (never their secrets)
 * and the delivery log, to answer a partner who asks why an event did not arrive.
 */
export function webhookRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.get('/', auth, validQuery(endpointQuery), async (c) => {
    const query = c.req.valid('query');
    const items = await listEndpoints(db, query.partner);
    return c.json({ items } satisfies z.output<typeof partnersWebhookEndpointListSchema>);
  });

  app.get('/deliveries', auth, validQuery(deliveryListQuery, { arrays: ['status'] }), async (c) => {
    const { partner, endpoint, status, limit = 50, cursor } = c.req.valid('query');
    const result = await listDeliveries(db, {
      partnerId: partner,
      endpointId: endpoint,
      status,
      limit,
      cursor,
    });
    return c.json(listed(result) satisfies z.output<typeof partnersWebhookDeliveryPageSchema>);
  });

  return app;
}
