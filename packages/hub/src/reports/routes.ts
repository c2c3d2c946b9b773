import { Hono } from 'hono';
import * as z from 'zod/mini';
import { LANGS } from '@stue/core';
import { REPORT_GROUPINGS, REPORT_PERIOD_PATTERN, toCsv } from '@stue/core/reports';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { requestLang } from '../http/errors.js';
import { validQuery } from '../http/params.js';
import { coordinatorReport, reportNames } from './store.js';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  });

/** The query of a report request: the month, the grouping, and for CSV the language and separator. */
export const reportQuerySchema = z.strictObject({
  period: z
    .string({ error: 'required' })
    .check(z.regex(REPORT_PERIOD_PATTERN, { error: 'invalid_period' })),
  grouping: z._default(oneOf(REPORT_GROUPINGS), 'all'),
  lang: z.optional(oneOf(LANGS)),
  separator: z.optional(oneOf(['comma', 'semicolon'])),
});

/**
 * Reports for coordinators, to mount at `/api/v1`: `GET /reports` (JSON) and `GET /reports.csv`
 * (a spreadsheet file) for one month and one grouping, with small cells suppressed. The CSV is in
 * the language of `lang`, else of `Accept-Language`.
 *
 * @example
 * hub.route('/api/v1', reportRoutes(db, hubKey));
 * // GET /api/v1/reports.csv?period=2025-03&grouping=municipality&separator=semicolon
 */
export function reportRoutes(db: HubDatabase, hubKey: HubKey) {
  const app = new Hono<CoordinatorEnv>();

  app.get('/reports', coordinatorAuth(db), validQuery(reportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { period, grouping } = query;
    const report = await coordinatorReport(db, hubKey, period, grouping);
    const names = await reportNames(db, report, query.lang ?? requestLang(c));
    c.header('Cache-Control', 'no-store');
    return c.json({ ...report, names });
  });

  app.get('/reports.csv', coordinatorAuth(db), validQuery(reportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { period, grouping, separator } = query;
    const lang = query.lang ?? requestLang(c);
    const report = await coordinatorReport(db, hubKey, period, grouping);
    const csv = toCsv(report.rows, {
      lang,
      separator: separator === 'semicolon' ? ';' : ',',
      names: await reportNames(db, report, lang),
    });
    const file = `stue-${lang === 'da' ? 'rapport' : 'report'}-${period}-${grouping}.csv`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
