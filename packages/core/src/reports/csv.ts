import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import type { FeedbackInstrument } from '../feedback/instrument.js';
import { municipalityByCode, REGIONS } from '../geo/municipalities.js';
import type { Lang } from '../validation/catalogue/types.js';
import { reportMeasures } from './measures.js';
import type { ReportRow } from './report-row.js';

/** How {@link toCsv} writes a report. */
export interface CsvOptions {
  /** The language of the header and the labels (default `da`). */
  lang?: Lang;
  /**
   * The field separator (default `,`). Excel set up for Danish reads `;`: choose it for files
   * people open by double-clicking.
   */
  separator?: ',' | ';';
  /** Names of partners, musicians and programmes by id; a group without one shows its id. */
  names?: Readonly<Record<string, string>>;
  /** The instrument whose questions label the answer measures (default the default one). */
  instrument?: FeedbackInstrument;
}

const HEADER = {
  da: ['måned', 'opdelt efter', 'nøgle', 'navn', 'mål', 'beskrivelse', 'værdi', 'skjult'],
  en: ['month', 'grouped by', 'key', 'name', 'measure', 'description', 'value', 'suppressed'],
} as const;

const GROUPING_LABELS = {
  da: {
    all: 'i alt',
    municipality: 'kommune',
    region: 'region',
    partner: 'partner',
    musician: 'musiker',
    programme: 'program',
  },
  en: {
    all: 'all',
    municipality: 'municipality',
    region: 'region',
    partner: 'partner',
    musician: 'musician',
    programme: 'programme',
  },
} as const;

/**
 * One CSV field: text a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading `'` so it is shown as text, and a field holding the
 * separator, a quote or a line break is quoted, its quotes doubled (RFC 4180). Numbers are written
 * as they are.
 *
 * @example
 * csvField('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * csvField('Aarhus, Midt'); // '"Aarhus, Midt"'
 */
export function csvField(value: string | number, separator: ',' | ';' = ','): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A report's rows as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads æ, ø and
 * å), CRLF line ends, a header row in `lang`, and one line per row: month, grouping, key, the
 * group's name, the measure, its description, its value (empty when suppressed) and whether it is
 * suppressed. Every field is made safe with {@link csvField}.
 *
 * @example
 * const csv = toCsv(report.rows, { lang: 'en', names: { 'demo-partner': 'Demo Besøgstjeneste' } });
 * // '\uFEFFmonth,grouped by,key,name,measure,description,value,suppressed\r\n2025-03,all,all,…'
 */
export function toCsv(rows: readonly ReportRow[], options: CsvOptions = {}): string {
  const lang = options.lang ?? 'da';
  const separator = options.separator ?? ',';
  const labels = new Map(
    reportMeasures(options.instrument ?? DEFAULT_INSTRUMENT).measures.map((m) => [
      m.id,
      m.label[lang],
    ]),
  );
  const nameOf = (row: ReportRow): string => {
    const { kind, key } = row.grouping;
    if (kind === 'all') return GROUPING_LABELS[lang].all;
    if (kind === 'municipality') return municipalityByCode(key)?.name ?? key;
    if (kind === 'region') return REGIONS.find((region) => region.code === key)?.name ?? key;
    return options.names?.[key] ?? key;
  };
  const yes = lang === 'da' ? 'ja' : 'yes';
  const no = lang === 'da' ? 'nej' : 'no';
  const lines = [HEADER[lang].map((field) => csvField(field, separator)).join(separator)];
  for (const row of rows) {
    lines.push(
      [
        row.period,
        GROUPING_LABELS[lang][row.grouping.kind],
        row.grouping.key,
        nameOf(row),
        row.measure,
        labels.get(row.measure) ?? row.measure,
        row.value === null ? '' : row.value,
        row.suppressed ? yes : no,
      ]
        .map((field) => csvField(field, separator))
        .join(separator),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
