// TEST ONLY: a stand-in for the hub's API in the console's browser tests. It replaces `fetch`,
// answers each request from a table of routes, and records what was asked.
import {
  danishInstant,
  type Musician,
  type NominationStatus,
  type NominationV2,
  type TourDay,
} from '@stue/core';
import type { CoordinatorSession } from '@stue/core/client';
import type {
  AuditEntry,
  BookingView,
  Device,
  NominationItem,
  PartnerKey,
  PartnerView,
  WebhookDelivery,
  WebhookEndpointView,
} from '../api.js';
import type { ConsoleContext } from './page.js';

/** A request the console made, as the stub saw it. */
export interface StubRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** An answer: a `Response`, a body to send as JSON with 200, or a function making either. */
export type StubAnswer =
  Response | object | ((request: StubRequest) => Response | object | Promise<Response | object>);

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The hub's error shape. */
export const apiError = (
  status: number,
  code: string,
  message = code,
  extra: Record<string, unknown> = {},
) => json({ error: { code, message, ...extra } }, status);

const realFetch = globalThis.fetch;

/** The stub in place: what it was asked, and a way to change the routes. */
export interface StubHub {
  requests: StubRequest[];
  /** Requests for one method and path. */
  calls(method: string, path: string): StubRequest[];
  route(key: string, answer: StubAnswer): void;
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`);
  return re.test(path);
}

/**
 * Replaces `fetch` with a stub hub. Routes are `'METHOD /path'`, where `*` stands for one path
 * segment; the first matching route answers, anything else is a 404 `not_found`. `GET
 * /api/health` answers `{ok:true}` unless routed.
 */
export function stubHub(routes: Record<string, StubAnswer> = {}): StubHub {
  const table = new Map(Object.entries(routes));
  const requests: StubRequest[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init?.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (typeof init?.body === 'string') body = JSON.parse(init.body);
    const request: StubRequest = {
      method,
      path: url.pathname,
      search: url.searchParams,
      headers: new Headers(init?.headers),
      body,
    };
    requests.push(request);
    for (const [key, answer] of table) {
      const [m, pattern = ''] = key.split(' ');
      if (m !== method || !matches(pattern, url.pathname)) continue;
      const value = typeof answer === 'function' ? await answer(request) : answer;
      return value instanceof Response ? value.clone() : json(value);
    }
    if (method === 'GET' && url.pathname === '/api/health') return json({ ok: true });
    return apiError(404, 'not_found');
  };
  return {
    requests,
    calls: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    route: (key, answer) => {
      table.delete(key);
      // Newer routes win: put them first.
      const entries = [[key, answer] as const, ...table];
      table.clear();
      for (const [k, v] of entries) table.set(k, v);
    },
  };
}

/** Puts the real `fetch` back. */
export function restoreFetch(): void {
  globalThis.fetch = realFetch;
}

const DAY = 86_400_000;

/** The signed-in demo coordinator. */
export const SESSION: CoordinatorSession = {
  coordinator: { id: 'coordinator-1', email: 'koordinator@demo.stue.dk', name: 'Demo Koordinator' },
  csrfToken: 'csrf-token-1',
};

/** A console context for a page under test. */
export function testContext(lang: 'da' | 'en' = 'da'): ConsoleContext {
  return {
    lang,
    api: { api: new URL('/', location.href) },
    session: SESSION,
    nominations: new Map(),
  };
}

/**
 * A row of a record's history (the hub's audit trail): by the signed-in demo coordinator unless
 * `actor` says otherwise; `changed` names the fields an update touched.
 */
export function auditEntry(
  at: string,
  action: string,
  options: { actor?: string; changed?: string[] } = {},
): AuditEntry {
  const { actor = `coordinator:${SESSION.coordinator.id}`, changed } = options;
  return { at, actor, action, ...(changed ? { details: { changed } } : {}) };
}

let counter = 0;
/** A UUIDv7-shaped id, different each call, sorting in creation order. */
export function testId(): string {
  counter += 1;
  const hex = counter.toString(16).padStart(12, '0');
  return `01955${hex.slice(0, 3)}-${hex.slice(3, 7)}-7${hex.slice(7, 10)}-8${hex.slice(10, 12)}0-000000000000`;
}

const YES = {
  'own-home': 'yes',
  'little-access-to-concerts': 'yes',
  'risk-of-loneliness': 'yes',
  'enjoys-music': 'yes',
  'takes-part-in-conversation': 'yes',
  'said-yes': 'yes',
} as const;

/** A nomination as the coordinators' list returns it. */
export function nominationItem(
  options: {
    host?: string;
    municipalityCode?: string;
    status?: NominationStatus;
    reference?: string;
    daysWaiting?: number;
    partner?: { id: string; name: string };
    screening?: Record<string, 'yes' | 'no' | 'not-sure'>;
    nominator?: Partial<NominationV2['nominator']>;
    preferences?: Partial<NominationV2['preferences']>;
  } = {},
): NominationItem {
  const id = testId();
  const receivedAt = new Date(Date.now() - (options.daysWaiting ?? 3) * DAY - 60_000).toISOString();
  return {
    id,
    reference: options.reference ?? `STUE-${id.slice(9, 13).toUpperCase()}-9XZD`,
    status: options.status ?? 'received',
    partner: options.partner ?? { id: 'demo-partner', name: 'Demo Besøgstjeneste' },
    receivedAt,
    nomination: {
      schemaVersion: 2,
      id,
      programmeId: 'musikalske-besoegsvenner',
      nominator: {
        role: 'local-expert',
        name: 'Hanne Holm',
        organisation: 'Besøgstjenesten Aarhus',
        phone: '+4586123456',
        email: 'hanne@example.dk',
        ...options.nominator,
      },
      host: {
        firstName: options.host ?? 'Inger',
        municipalityCode: (options.municipalityCode ??
          '751') as NominationV2['host']['municipalityCode'],
        postcode: '8000',
        language: 'da',
      },
      visitingFriend: { firstName: 'Bent', phone: '+4520304050' },
      screening: options.screening ?? { ...YES },
      preferences: {
        weekdays: [],
        timesOfDay: [],
        genres: ['danish-songs'],
        extraGuests: 1,
        musicWishes: 'Gerne sange fra Højskolesangbogen',
        ...options.preferences,
      },
      access: {
        hearing: true,
        sight: false,
        stairs: true,
        wheelchair: false,
        pets: false,
        smokeFree: false,
      },
      consent: {
        agreedBy: 'host',
        via: 'visiting-friend',
        at: '2026-03-01T09:00:00.000Z',
        noticeVersion: '2026-01',
      },
    },
  };
}

/** A musician record. */
export function musician(overrides: Partial<Musician> = {}): Musician {
  return {
    schemaVersion: 1,
    id: testId(),
    name: 'Signe Vang',
    phone: '+4540506070',
    email: 'signe@example.dk',
    homeMunicipalityCode: '751',
    languages: ['da', 'en'],
    genres: ['danish-songs', 'jazz'],
    active: true,
    createdBy: SESSION.coordinator.id,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  } as Musician;
}

/** A `YYYY-MM-DD` date `days` from today (UTC). */
export const dateIn = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A tour day record. */
export function tourDay(musicianId: string, overrides: Partial<TourDay> = {}): TourDay {
  return {
    schemaVersion: 1,
    id: testId(),
    musicianId,
    date: dateIn(3),
    windowStart: '10:00',
    windowEnd: '16:00',
    baseMunicipalityCode: '751',
    maxConcerts: 3,
    concertMinutes: 60,
    bufferMinutes: 30,
    createdBy: SESSION.coordinator.id,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  } as TourDay;
}

/** A booking as the hub lists it. */
export function booking(
  item: NominationItem,
  day: TourDay,
  overrides: Partial<BookingView> = {},
): BookingView {
  return {
    schemaVersion: 1,
    id: testId(),
    nominationId: item.id,
    tourDayId: day.id,
    start: danishInstant(`${day.date}T10:30`),
    contactCoordinatorId: SESSION.coordinator.id,
    status: 'proposed',
    reschedules: [],
    createdBy: SESSION.coordinator.id,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    nomination: {
      id: item.id,
      reference: item.reference,
      status: item.status,
      host: {
        firstName: item.nomination.host.firstName,
        municipalityCode: item.nomination.host.municipalityCode,
      },
    },
    ...overrides,
  } as BookingView;
}

/** A tablet. */
export function device(overrides: Partial<Device> = {}): Device {
  return {
    id: testId(),
    name: 'Signes tablet',
    musician: { id: 'm-1', name: 'Signe Vang' },
    enrolledAt: '2026-02-01T09:00:00.000Z',
    revokedAt: null,
    lastSeenAt: '2026-02-03T15:00:00.000Z',
    lastSequence: 4,
    sequenceReusedAt: null,
    ...overrides,
  };
}

/** A partner's key as the hub lists it. */
export function partnerKey(overrides: Partial<PartnerKey> = {}): PartnerKey {
  return {
    id: testId(),
    kind: 'publishable',
    prefix: 'pk_AbCdEfGh',
    createdAt: '2026-01-05T09:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

/** A partner organisation with its keys. */
export function partner(overrides: Partial<PartnerView> = {}): PartnerView {
  return {
    id: 'demo-partner',
    name: 'Demo Besøgstjeneste',
    kind: 'visit-service',
    allowedOrigins: ['https://besoeg.example.dk'],
    createdAt: '2026-01-05T09:00:00.000Z',
    keys: [],
    ...overrides,
  };
}

/** A partner's webhook endpoint. */
export function webhookEndpoint(overrides: Partial<WebhookEndpointView> = {}): WebhookEndpointView {
  return {
    id: testId(),
    partnerId: 'demo-partner',
    url: 'https://besoeg.example.dk/stue/webhook',
    events: ['nomination.status_changed', 'booking.confirmed'],
    createdAt: '2026-01-06T09:00:00.000Z',
    disabledAt: null,
    ...overrides,
  };
}

/** A row of the webhook delivery log: by default a status change delivered at the first try. */
export function webhookDelivery(
  endpoint: WebhookEndpointView,
  overrides: Partial<WebhookDelivery> = {},
): WebhookDelivery {
  const createdAt = overrides.createdAt ?? '2026-03-02T10:00:00.000Z';
  return {
    id: testId(),
    endpointId: endpoint.id,
    partnerId: endpoint.partnerId,
    eventType: 'nomination.status_changed',
    status: 'delivered',
    createdAt,
    attemptCount: 1,
    nextAttemptAt: null,
    payload: {
      type: 'nomination.status_changed',
      timestamp: createdAt,
      data: {
        nominationId: testId(),
        reference: 'STUE-7KQ3-9XZD',
        from: 'in-review',
        to: 'accepted',
        changedAt: createdAt,
      },
    },
    attempts: [{ attempt: 1, at: createdAt, statusCode: 204, error: null, durationMs: 42 }],
    ...overrides,
  };
}

/** The text of a node, whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `check` holds, or fails with `message` after `timeout` ms. */
export async function until(check: () => unknown, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
