// `@stue/core/reports`: report rows, their measures, small-cell suppression and CSV.
export {
  MIN_CELL_SIZE,
  REPORT_GROUPINGS,
  REPORT_PERIOD_PATTERN,
  REPORT_ROW_SCHEMA_VERSION,
  reportPeriod,
  reportRowSchema,
  reportRowsSchema,
  reportSchema,
  type Report,
  type ReportGrouping,
  type ReportPeriodKind,
  type ReportRow,
} from './reports/report-row.js';
export {
  NOMINATION_OUTCOMES,
  reportMeasures,
  type MeasureDefinition,
  type MeasureKind,
  type MeasureSum,
  type NominationOutcome,
  type ReportMeasures,
} from './reports/measures.js';
export {
  buildPartnerReport,
  buildReport,
  buildReports,
  type ReportBooking,
  type ReportDebrief,
  type ReportFeedback,
  type ReportInput,
  type ReportNomination,
  type ReportOptions,
} from './reports/build.js';
export { determinedCells, suppressCells, type CellSum } from './reports/suppress.js';
export {
  feelingsSpectrum,
  type FeelingsSpectrum,
  type SpectrumFeeling,
} from './reports/spectrum.js';
export { csvField, toCsv, type CsvOptions } from './reports/csv.js';
