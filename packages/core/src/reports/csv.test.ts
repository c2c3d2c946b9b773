import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';
import type { ReportRow } from './report-row.js';

const row = (overrides: Partial<ReportRow> = {}): ReportRow => ({
  schemaVersion: 1,
  period: '2025-03',
  grouping: { kind: 'municipality', key: '155' },
  measure: 'concerts-held',
  value: 12,
  suppressed: false,
  ...overrides,
});

describe('csvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+45 20 30 40 50', "'+45 20 30 40 50"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['Aarhus, Midt', '"Aarhus, Midt"'],
    ['to\nlinjer', '"to\nlinjer"'],
    ['Ærø Æblegård', 'Ærø Æblegård'],
    ['a = b', 'a = b'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('quotes for the separator in use', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField(12)).toBe('12');
  });
});

describe('toCsv', () => {
  it('writes a byte-order mark, a header in the language, CRLF lines and names', () => {
    const csv = toCsv(
      [
        row(),
        row({ value: null, suppressed: true, measure: 'feelings-sad' }),
        row({ value: 0, measure: 'concerts-cancelled' }),
      ],
      { lang: 'en' },
    );
    expect(
      csv.startsWith('\uFEFFmonth,grouped by,key,name,measure,description,value,suppressed\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'month,grouped by,key,name,measure,description,value,suppressed',
      '2025-03,municipality,155,Dragør,concerts-held,Concerts held,12,no',
      '2025-03,municipality,155,Dragør,feelings-sad,What did you feel during the music? – Sad,,yes',
      // A zero is a figure: 0, not hidden.
      '2025-03,municipality,155,Dragør,concerts-cancelled,Concerts cancelled,0,no',
      '',
    ]);
  });

  it('writes Danish by default, with ; when asked, and neutralises hostile names', () => {
    const csv = toCsv(
      [
        row({ grouping: { kind: 'partner', key: 'evil' } }),
        row({ grouping: { kind: 'all', key: 'all' } }),
      ],
      { separator: ';', names: { evil: '=cmd|"/c calc"!A1; ok' } },
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('måned;opdelt efter;nøgle;navn;mål;beskrivelse;værdi;skjult');
    expect(lines[1]).toBe(
      `2025-03;partner;evil;"'=cmd|""/c calc""!A1; ok";concerts-held;Koncerter holdt;12;nej`,
    );
    expect(lines[2]).toBe('2025-03;i alt;all;i alt;concerts-held;Koncerter holdt;12;nej');
  });
});
