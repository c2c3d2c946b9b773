import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers.test-support.js';
import { concertCalendar, foldLine, icsText, icsUtc } from './ics.js';
import { at, plannerHub, type Planner, type TestHub } from '../fixtures.test-support.js';

/** RFC 5545 §3.1: CRLF only, no physical line over 75 octets; returns the unfolded lines. */
function contentLines(calendar: string): string[] {
  expect(calendar.endsWith('\r\n')).toBe(true);
  const physical = calendar.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  }
  return calendar
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
}

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks; drops other control characters', () => {
    expect(icsText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });

  it('writes UTC date-times', () => {
    expect(icsUtc('2030-05-07T10:00:00+02:00')).toBe('20300507T080000Z');
    expect(icsUtc(new Date('2030-12-24T23:59:59.999Z'))).toBe('20301224T235959Z');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `SUMMARY:${'æøå€😀x'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part, i) => i === 0 || part.startsWith(' '))).toBe(true);
    expect(parts.every((part) => Buffer.byteLength(part) <= 75)).toBe(true);
    expect(parts.every((part) => !part.includes('\uFFFD'))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    const exact = `X:${'a'.repeat(73)}`;
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`)).toBe(`${exact}\r\n b`);
  });

  it('makes one VEVENT with the required properties', () => {
    const calendar = concertCalendar({
      uid: 'b-1@hub.example.dk',
      start: '2030-05-07T10:00:00+02:00',
      minutes: 45,
      stamp: '2030-05-01T12:00:00.000Z',
      sequence: 2,
      status: 'cancelled',
      summary: 'Hjemmekoncert hos Inger, Aarhus',
    });
    expect(contentLines(calendar)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Stue//Stue hub//DA',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:b-1@hub.example.dk',
      'DTSTAMP:20300501T120000Z',
      'DTSTART:20300507T080000Z',
      'DTEND:20300507T084500Z',
      'SEQUENCE:2',
      'STATUS:CANCELLED',
      'SUMMARY:Hjemmekoncert hos Inger\\, Aarhus',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
});

describe('GET /api/v1/bookings/{id}.ics', () => {
  let hub: TestHub;
  let p: Planner;
  beforeEach(async () => ({ hub, p } = await plannerHub()));
  afterEach(() => hub.db.destroy());

  const fetchIcs = (id: string, headers: object = {}) =>
    p.get(`/api/v1/bookings/${id}.ics`, headers);
  const property = (calendar: string, name: string) =>
    contentLines(calendar)
      .find((line) => line.startsWith(`${name}:`))
      ?.slice(name.length + 1);

  it('is a calendar file for the concert, naming the host by first name and municipality only', async () => {
    const day = await p.tourDay(undefined, { concertMinutes: 45 });
    const booking = await p.booking(day.id, at('10:00'));
    const res = await fetchIcs(booking.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const calendar = await res.text();
    expect(property(calendar, 'UID')).toBe(`${booking.id}@localhost`);
    expect(property(calendar, 'DTSTART')).toBe('20300507T080000Z');
    expect(property(calendar, 'DTEND')).toBe('20300507T084500Z');
    expect(property(calendar, 'STATUS')).toBe('TENTATIVE');
    expect(property(calendar, 'SEQUENCE')).toBe('0');
    expect(property(calendar, 'SUMMARY')).toBe('Hjemmekoncert hos Inger\\, Aarhus');
    expect(property(calendar, 'LOCATION')).toBe('Aarhus');
    expect(property(calendar, 'DESCRIPTION')).toBe(
      `Musiker: Signe Vang\\nKontaktperson: Mette Koordinator\\nReference: ${booking.reference}`,
    );
    // Nothing about the pair beyond the host's first name: no phones, friend, wishes or needs.
    expect(calendar).not.toMatch(/Bent|20304050|2030 40 50|4586123456|Højskole|hearing|stairs/i);
  });

  it('follows the booking: confirmed, moved, cancelled — with a rising SEQUENCE', async () => {
    const day = await p.tourDay();
    const booking = await p.booking(day.id, at('10:00'));
    await p.act(`/api/v1/bookings/${booking.id}/confirm`);
    let calendar = await (await fetchIcs(booking.id)).text();
    expect(property(calendar, 'STATUS')).toBe('CONFIRMED');
    expect(property(calendar, 'SEQUENCE')).toBe('1');
    await p.act(`/api/v1/bookings/${booking.id}/reschedule`, { start: at('13:00') });
    calendar = await (await fetchIcs(booking.id)).text();
    expect(property(calendar, 'DTSTART')).toBe('20300507T110000Z');
    expect(property(calendar, 'SEQUENCE')).toBe('2');
    await p.act(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Afbud' });
    calendar = await (await fetchIcs(booking.id)).text();
    expect(property(calendar, 'STATUS')).toBe('CANCELLED');
    expect(property(calendar, 'SEQUENCE')).toBe('3');
  });

  it('escapes and folds a hostile first name; English on request', async () => {
    const day = await p.tourDay();
    const firstName = 'Ågot; Ærø, \\ Østergård-Ææøøåå ÆØÅ Ææøøåå ÆØÅ Ææøøåå ÆØÅ Ææøøåå 😀';
    const nomination = await p.nomination('accepted', {
      host: { firstName, municipalityCode: '101' },
    });
    const res = await p.send(
      'POST',
      '/api/v1/bookings',
      p.bookingInput(nomination.id, day.id, at('10:00')),
    );
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const calendar = await (await fetchIcs(id, { 'accept-language': 'en' })).text();
    expect(calendar).toContain('\r\n '); // folded
    expect(property(calendar, 'SUMMARY')).toBe(
      `Home concert with Ågot\\; Ærø\\, \\\\ Østergård-Ææøøåå ÆØÅ Ææøøåå ÆØÅ Ææøøåå ÆØÅ Ææøøåå 😀\\, København`,
    );
  });

  it("gives the contact coordinator's phone, and speaks the console's language when asked", async () => {
    await hub.db.updateTable('coordinators').set({ phone: '+4533123456' }).execute();
    const day = await p.tourDay();
    const booking = await p.booking(day.id, at('10:00'));
    let calendar = await (await fetchIcs(booking.id)).text();
    expect(property(calendar, 'DESCRIPTION')).toBe(
      `Musiker: Signe Vang\\nKontaktperson: Mette Koordinator\\, tlf. 33 12 34 56\\nReference: ${booking.reference}`,
    );
    // The console's download link says its language in the query; it wins over the browser's.
    const english = await p.get(`/api/v1/bookings/${booking.id}.ics?lang=en`, {
      'accept-language': 'da',
    });
    calendar = await english.text();
    expect(property(calendar, 'SUMMARY')).toBe('Home concert with Inger\\, Aarhus');
    expect(property(calendar, 'DESCRIPTION')).toBe(
      `Musician: Signe Vang\\nContact: Mette Koordinator\\, phone 33 12 34 56\\nReference: ${booking.reference}`,
    );
    const danish = await p.get(`/api/v1/bookings/${booking.id}.ics?lang=da`, {
      'accept-language': 'en',
    });
    expect(property(await danish.text(), 'SUMMARY')).toBe('Hjemmekoncert hos Inger\\, Aarhus');
  });

  it('400 for a malformed id, 404 for an unknown one, 401 without a session', async () => {
    expect((await fetchIcs('nope')).status).toBe(400);
    expect((await fetchIcs(newId())).status).toBe(404);
    const day = await p.tourDay();
    const booking = await p.booking(day.id, at('10:00'));
    expect((await hub.app.request(`/api/v1/bookings/${booking.id}.ics`)).status).toBe(401);
  });
});
