import { describe, expect, it, vi } from 'vitest';
import { StueError, StueHttpError, StueNetworkError, StueValidationError } from '../errors.js';
import { newId } from '../ids.js';
import { httpTransport } from './http-transport.js';
import type { OutboxRecord } from './outbox.js';
import { answer, hanging, unreachable } from '../http/fetch-stub.test-support.js';

const record: OutboxRecord = {
  id: newId(),
  kind: 'feedback-response',
  deviceSeq: 42,
  body: { envelope: 'sealed' },
  queuedAt: 0,
  attempts: 3,
  state: 'pending',
};

function transport(fetch: typeof globalThis.fetch, token: string | (() => string) = 'dev_token') {
  return httpTransport({
    api: 'http://hub.test/stue',
    token,
    fetch,
    paths: { 'feedback-response': 'feedback', debrief: 'debriefs' },
  });
}

const send = (fetch: typeof globalThis.fetch) =>
  transport(fetch).send(record, { signal: new AbortController().signal });

describe('httpTransport', () => {
  it('posts { id, deviceSeq, kind, body } with the device token to api/v1/{path}', async () => {
    const fetch = answer(201, { ok: true });
    const token = vi.fn(() => 'rotated_token');
    await transport(fetch, token).send(record, { signal: new AbortController().signal });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('http://hub.test/stue/api/v1/feedback');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer rotated_token');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({
      id: record.id,
      deviceSeq: 42,
      kind: 'feedback-response',
      body: { envelope: 'sealed' },
    });
    expect(token).toHaveBeenCalledOnce();
  });

  it('takes 201 (created) and 200 (replay) as acknowledged', async () => {
    expect(await send(answer(201, {}))).toEqual({ kind: 'acknowledged', replayed: false });
    expect(await send(answer(200, {}))).toEqual({ kind: 'acknowledged', replayed: true });
    expect(await send(answer(204))).toEqual({ kind: 'acknowledged', replayed: false });
  });

  it('maps 409 to conflict and 410 to gone, with the hub’s code', async () => {
    const conflict = answer(409, { error: { code: 'feedback_conflict', message: 'Differs' } });
    expect(await send(conflict)).toEqual({ kind: 'conflict', code: 'feedback_conflict' });
    expect(await send(answer(410, { error: { code: 'person_erased', message: 'Gone' } }))).toEqual({
      kind: 'gone',
      code: 'person_erased',
    });
    expect(await send(answer(410, 'not json'))).toEqual({ kind: 'gone', code: 'gone' });
  });

  it('throws StueHttpError with Retry-After in seconds for 429 and 503', async () => {
    const limited = answer(
      429,
      { error: { code: 'rate_limited', message: 'Slow down' } },
      {
        'retry-after': '7',
      },
    );
    await expect(send(limited)).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfter: 7,
    });
    const error = await send(answer(503)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StueHttpError);
    expect(error).toMatchObject({ status: 503, code: 'http_503', retryAfter: undefined });
  });

  it('reads a Retry-After date against the hub’s Date header, never the device clock', async () => {
    const dated = answer(503, undefined, {
      date: 'Wed, 01 Jan 2031 10:00:00 GMT',
      'retry-after': 'Wed, 01 Jan 2031 10:02:00 GMT',
    });
    await expect(send(dated)).rejects.toMatchObject({ retryAfter: 120 });
    const undated = answer(503, undefined, { 'retry-after': 'Wed, 01 Jan 2031 10:02:00 GMT' });
    await expect(send(undated)).rejects.toMatchObject({ retryAfter: undefined });
  });

  it('throws StueValidationError for a 400 with issues, StueHttpError for other refusals', async () => {
    const invalid = answer(400, {
      error: {
        code: 'invalid_body',
        message: 'No',
        issues: [{ path: 'body', code: 'required', message: 'Required' }],
      },
    });
    await expect(send(invalid)).rejects.toBeInstanceOf(StueValidationError);
    await expect(
      send(answer(401, { error: { code: 'unauthorized', message: 'No' } })),
    ).rejects.toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('throws StueNetworkError when the hub cannot be reached', async () => {
    const down = unreachable();
    await expect(send(down)).rejects.toMatchObject({ name: 'StueNetworkError', code: 'network' });
  });

  it('rethrows the abort reason the outbox gave, and maps a plain timeout', async () => {
    const hang = hanging();
    const controller = new AbortController();
    const timeout = new StueNetworkError('timeout', 'Too slow');
    const pending = transport(hang).send(record, { signal: controller.signal });
    controller.abort(timeout);
    await expect(pending).rejects.toBe(timeout);

    const plain = transport(hang).send(record, { signal: AbortSignal.timeout(1) });
    await expect(plain).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses a kind it has no endpoint for, without sending', async () => {
    const fetch = answer(201, {});
    const other = { ...record, kind: 'toString' };
    const error = await transport(fetch)
      .send(other, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StueError);
    expect(error).toMatchObject({ code: 'unknown_kind' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
