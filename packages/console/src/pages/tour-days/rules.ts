/** The tour days page's rules and shapes, shared by its sections. */
import { addDays, danishToday } from '@stue/core';
import { formText } from '../../internal/forms.js';

export const FIELDS = [
  'musicianId',
  'date',
  'windowStart',
  'windowEnd',
  'baseMunicipalityCode',
  'maxConcerts',
  'concertMinutes',
  'bufferMinutes',
];

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period an address asks for (`from`, `to`); four weeks from today by default. */
export function periodFromParams(
  params: URLSearchParams,
  today = danishToday(),
  days = 27,
): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const start = DATE.test(from) ? from : today;
  return { from: start, to: DATE.test(to) && to >= start ? to : addDays(start, days) };
}

export const wholeOrText = (text: string): number | string => {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : text;
};

/**
 * What a form says about a day's window, start and concerts, as the hub takes it (a number field
 * that does not hold a whole number goes as its text, for the hub's message): the fields the add
 * and edit forms share.
 */
export function dayFields(data: FormData) {
  return {
    windowStart: formText(data, 'windowStart'),
    windowEnd: formText(data, 'windowEnd'),
    baseMunicipalityCode: formText(data, 'baseMunicipalityCode'),
    maxConcerts: wholeOrText(formText(data, 'maxConcerts')),
    concertMinutes: wholeOrText(formText(data, 'concertMinutes')),
    bufferMinutes: wholeOrText(formText(data, 'bufferMinutes')),
  };
}
