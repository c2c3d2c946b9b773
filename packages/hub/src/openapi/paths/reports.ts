import { exampleReportRow } from '@stue/core';
import { REPORT_GROUPINGS, REPORT_PERIOD_PATTERN, reportSchema } from '@stue/core/reports';
import { coordinatorErrors, errorResponse, jsonSchema, type ApiArea } from '../helpers.js';
import { secretKeyErrors } from './partners.js';

const query = (name: string, description: string, schema: object, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

const period = query(
  'period',
  'The period: a month `YYYY-MM`, a quarter `YYYY-Q1` … `YYYY-Q4`, or a year `YYYY`. Records count in the period of the concert (bookings, feedback, debriefs) or of their receipt in Denmark (nominations).',
  {
    type: 'string',
    pattern: REPORT_PERIOD_PATTERN.source,
    examples: ['2025-03', '2025-Q1', '2025'],
  },
  true,
);
const grouping = query(
  'grouping',
  'What the rows are split by besides the whole programme (`all`, the default).',
  { enum: [...REPORT_GROUPINGS], default: 'all' },
);

const exampleReport = {
  schemaVersion: 1,
  period: '2025-03',
  grouping: 'region',
  minCellSize: 5,
  rows: [
    { ...exampleReportRow(), grouping: { kind: 'all', key: 'all' }, value: 23 },
    exampleReportRow(),
    {
      ...exampleReportRow(),
      grouping: { kind: 'region', key: 'nordjylland' },
      value: null,
      suppressed: true,
    },
  ],
  names: { 'musikalske-besoegsvenner': 'Musikalske Besøgsvenner' },
};

const badQuery = errorResponse(
  'A missing or malformed `period`, an unknown `grouping`, `lang` or `separator`, or an unknown parameter (`invalid_parameter`); `issues` name each.',
);

const description =
  'Aggregates of one month for funders and municipalities, with disclosure control: no published count is from 1 to `minCellSize` − 1 (4); ' +
  'those, and enough others that no combination of sums gives them away (a reader knowing a hidden count is at least 1), are `suppressed: true` with `value: null`. ' +
  'A zero is published as 0. ' +
  'No row carries text anyone wrote. docs/reports.md says what each measure means.';

/** Reports: the month's aggregates, as JSON and as a spreadsheet file. */
export const reportArea: ApiArea = {
  schemas: { Report: jsonSchema(reportSchema) },
  paths: {
    '/api/v1/reports': {
      get: {
        operationId: 'getReport',
        summary: 'A month’s report, with small cells suppressed',
        description,
        security: [{ coordinatorSession: [] }],
        parameters: [period, grouping],
        responses: {
          '200': {
            description:
              'The report: the `all` rows first, then each group with records in the month.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Report' },
                example: exampleReport,
              },
            },
          },
          '400': badQuery,
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/reports.csv': {
      get: {
        operationId: 'getReportCsv',
        summary: 'A month’s report as a CSV file for a spreadsheet',
        description: `${description} The file is UTF-8 with a byte-order mark and CRLF line ends; fields a spreadsheet would run as a formula start with \`'\`.`,
        security: [{ coordinatorSession: [] }],
        parameters: [
          period,
          grouping,
          query(
            'lang',
            'The language of the header and labels; without it, `Accept-Language` decides (Danish unless it prefers English).',
            { enum: ['da', 'en'] },
          ),
          query(
            'separator',
            '`comma` (the default) or `semicolon`, which Excel set up for Danish opens in columns.',
            { enum: ['comma', 'semicolon'], default: 'comma' },
          ),
        ],
        responses: {
          '200': {
            description:
              'The file, as an attachment named `stue-rapport-<month>-<grouping>.csv` (`stue-report-…` in English).',
            headers: {
              'Content-Disposition': {
                schema: { type: 'string' },
                example: 'attachment; filename="stue-rapport-2025-03-region.csv"',
              },
            },
            content: {
              'text/csv; charset=utf-8': {
                schema: { type: 'string' },
                example:
                  '\uFEFFmåned,opdelt efter,nøgle,navn,mål,beskrivelse,værdi,skjult\r\n' +
                  '2025-03,region,midtjylland,Region Midtjylland,concerts-held,Koncerter holdt,12,nej\r\n',
              },
            },
          },
          '400': badQuery,
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/partner/reports': {
      get: {
        operationId: 'getPartnerReport',
        summary: 'The partner’s own part of a month’s report',
        description:
          "With the partner's secret key, from a server: exactly the organisation's rows of the month's report grouped by partner, suppressed as they are there. Nothing about other organisations or the programme as a whole, and no finer split. docs/reports.md says what each measure means.",
        security: [{ partnerSecretKey: [] }],
        parameters: [period],
        responses: {
          '200': {
            description: 'The rows of the partner, in the report shape.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Report' },
                example: {
                  schemaVersion: 1,
                  period: '2025-03',
                  grouping: 'partner',
                  minCellSize: 5,
                  rows: [
                    {
                      ...exampleReportRow(),
                      grouping: { kind: 'partner', key: 'demo-partner' },
                      value: 9,
                    },
                  ],
                },
              },
            },
          },
          '400': badQuery,
          ...secretKeyErrors,
        },
      },
    },
    '/api/v1/partner/reports.csv': {
      get: {
        operationId: 'getPartnerReportCsv',
        summary: 'The partner’s own part of a month’s report, as a CSV file',
        description:
          'The same rows as `GET /api/v1/partner/reports`, as UTF-8 with a byte-order mark; `lang` and `separator` as for the coordinators’ file.',
        security: [{ partnerSecretKey: [] }],
        parameters: [
          period,
          query('lang', 'The language of the header and labels.', { enum: ['da', 'en'] }),
          query('separator', '`comma` (the default) or `semicolon`.', {
            enum: ['comma', 'semicolon'],
            default: 'comma',
          }),
        ],
        responses: {
          '200': {
            description: 'The file, as an attachment.',
            content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } },
          },
          '400': badQuery,
          ...secretKeyErrors,
        },
      },
    },
  },
};
