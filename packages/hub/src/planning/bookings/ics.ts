import type { BookingStatus } from '@stue/core';

/** A concert as a calendar event. */
export interface ConcertEvent {
  /** Globally unique and stable: `<booking id>@<hub host>`. */
  uid: string;
  /** ISO 8601 start with an offset. */
  start: string;
  minutes: number;
  /** When the booking last changed (ISO 8601): DTSTAMP. */
  stamp: string;
  /** Raised on every change, so calendars replace their copy. */
  sequence: number;
  status: BookingStatus;
  summary: string;
  location?: string;
  description?: string;
}

const CALENDAR_STATUS: Record<BookingStatus, string> = {
  proposed: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  cancelled: 'CANCELLED',
  'no-show': 'CANCELLED',
};

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`,
 * other control characters dropped (TEXT may not hold them).
 */
export function icsText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/** A UTC DATE-TIME (RFC 5545 §3.3.5, form 2): `20250506T080000Z`. */
export function icsUtc(instant: string | Date): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines begin
 * with a space, and no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; the others a space and 74.
    if (octets + size > (lines.length === 0 ? 75 : 74)) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/**
 * An iCalendar object (RFC 5545) with one VEVENT for a concert. Times are UTC (`Z`), which every
 * calendar shows in its own zone, so no VTIMEZONE is needed. Lines end in CRLF and are folded at
 * 75 octets.
 *
 * @example
 * concertCalendar({ uid: `${id}@hub.example.dk`, start: '2025-05-06T10:00:00+02:00', minutes: 60,
 *   stamp: new Date().toISOString(), sequence: 0, status: 'confirmed',
 *   summary: 'Hjemmekoncert hos Inger, Aarhus' });
 */
export function concertCalendar(event: ConcertEvent): string {
  const end = new Date(Date.parse(event.start) + event.minutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Stue//Stue hub//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(end)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${CALENDAR_STATUS[event.status]}`,
    `SUMMARY:${icsText(event.summary)}`,
    ...(event.location ? [`LOCATION:${icsText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icsText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
