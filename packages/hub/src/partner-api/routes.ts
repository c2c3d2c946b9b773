import { Hono } from 'hono';
import * as z from 'zod/mini';
import { NOMINATION_STATUSES, webhookEndpointInputSchema } from '@stue/core';
import type {
  CreatedWebhookEndpoint,
  PartnerNominationDetail,
  PartnerNominationPage,
  WebhookDeliveryPage,
  WebhookEndpoint,
} from '@stue/core/client';
import { toCsv } from '@stue/core/reports';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { requestLang } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { secretKeyAuth, type PartnerAuthEnv } from '../partners/partner-auth.js';
import {
  DEFAULT_RATE_LIMITS,
  perAddressLimit,
  perPartnerLimit,
  type RateLimits,
} from '../http/rate-limit.js';
import { listPartnerNominations, partnerNominationDetail } from '../nominations/index.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { pageQuery, uuidParam, validQuery } from '../http/params.js';
import { HubError } from '../http/hub-error.js';
import { found, listed } from '../http/outcomes.js';
import { reportQuerySchema } from '../reports/routes.js';
import { partnerReport, reportNames } from '../reports/index.js';
import { deliveryListQuery } from '../webhooks/routes.js';
import {
  disableEndpoint,
  listDeliveries,
  listEndpoints,
  registerEndpoint,
  type EndpointView,
} from '../webhooks/index.js';

const nominationQuery = z.strictObject({
  status: z.optional(z.array(z.enum(NOMINATION_STATUSES, { error: 'invalid_choice' }))),
  updatedSince: z.optional(z.iso.datetime({ offset: true, error: 'invalid_datetime' })),
  ...pageQuery,
});

/** The query of a partner's report: the month, and for CSV the language and separator. */
const partnerReportQuery = z.strictObject({
  period: reportQuerySchema.shape.period,
  lang: reportQuerySchema.shape.lang,
  separator: reportQuerySchema.shape.separator,
});

// The partner knows its own id; the API answers without it.
const ownEndpoint = ({ partnerId: _, ...endpoint }: EndpointView): WebhookEndpoint => endpoint;

/**
 * `/api/v1/partner`: what a partner's servers do with its secret key — read the organisation's
 * own nominations and its part of the month's reports, register and remove webhook endpoints,
 * and read their delivery log. Never
 * from a browser (no CORS, and a request with `Origin` is refused); another organisation's
 * records are not found (404), never forbidden.
 */
export function partnerApiRoutes(
  db: HubDatabase,
  limits: RateLimits = DEFAULT_RATE_LIMITS,
  hubKey?: HubKey,
) {
  const app = new Hono<PartnerAuthEnv>();
  app.use(
    '*',
    perAddressLimit(limits.perAddress),
    secretKeyAuth(db),
    perPartnerLimit(limits.perPartner),
  );

  app.get('/nominations', validQuery(nominationQuery, { arrays: ['status'] }), async (c) => {
    const { status, updatedSince, limit = 50, cursor } = c.req.valid('query');
    const result = await listPartnerNominations(db, {
      partnerId: c.get('partner').partnerId,
      status,
      updatedSince: updatedSince && new Date(updatedSince).toISOString(),
      limit,
      cursor,
    });
    return c.json(listed(result) satisfies PartnerNominationPage);
  });

  app.get('/nominations/:id', uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const detail = found(await partnerNominationDetail(db, c.get('partner').partnerId, id));
    return c.json(detail satisfies PartnerNominationDetail);
  });

  app.post('/webhooks', writeBodyLimit(), jsonBody(webhookEndpointInputSchema), async (c) => {
    const outcome = await registerEndpoint(db, c.get('partner').partnerId, c.req.valid('json'));
    if (outcome.kind === 'limit') throw new HubError(409, 'webhook_limit_reached');
    c.header('Cache-Control', 'no-store');
    const created: CreatedWebhookEndpoint = {
      ...ownEndpoint(outcome.endpoint),
      secret: outcome.endpoint.secret,
    };
    return c.json(created, 201);
  });

  app.get('/webhooks', async (c) =>
    c.json({ items: (await listEndpoints(db, c.get('partner').partnerId)).map(ownEndpoint) }),
  );

  app.get(
    '/webhooks/deliveries',
    validQuery(z.omit(deliveryListQuery, { partner: true }), { arrays: ['status'] }),
    async (c) => {
      const { endpoint, status, limit = 50, cursor } = c.req.valid('query');
      const result = listed(
        await listDeliveries(db, {
          partnerId: c.get('partner').partnerId,
          endpointId: endpoint,
          status,
          limit,
          cursor,
        }),
      );
      const deliveries: WebhookDeliveryPage = {
        ...result,
        items: result.items.map(({ partnerId: _, ...delivery }) => delivery),
      };
      return c.json(deliveries);
    },
  );

  app.delete('/webhooks/:id', uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const done = await disableEndpoint(db, c.get('partner').partnerId, id);
    if (!done) throw new HubError(404, 'not_found');
    return c.body(null, 204);
  });

  if (hubKey) {
    // The organisation's own part of a month's report: its rows of the report grouped by
    // partner, suppressed as they are there, never a finer split.
    app.get('/reports', validQuery(partnerReportQuery), async (c) => {
      const query = c.req.valid('query');
      c.header('Cache-Control', 'no-store');
      return c.json(await partnerReport(db, hubKey, c.get('partner').partnerId, query.period));
    });
    app.get('/reports.csv', validQuery(partnerReportQuery), async (c) => {
      const query = c.req.valid('query');
      const { period, separator } = query;
      const lang = query.lang ?? requestLang(c);
      const report = await partnerReport(db, hubKey, c.get('partner').partnerId, period);
      const csv = toCsv(report.rows, {
        lang,
        separator: separator === 'semicolon' ? ';' : ',',
        names: await reportNames(db, report, lang),
      });
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="stue-${lang === 'da' ? 'rapport' : 'report'}-${period}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
  }

  return app;
}
