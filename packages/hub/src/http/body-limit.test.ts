import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.js';

const app = new Hono().post('/', limitBody(100), async (c) => c.text(await c.req.text()));

/** A body sent in chunks, without a Content-Length, as a streaming client sends it. */
const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of text.match(/.{1,10}/gs) ?? []) {
        controller.enqueue(new TextEncoder().encode(part));
      }
      controller.close();
    },
  });

const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  app.request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('limitBody', () => {
  it('passes a body within the limit to the handler unread', async () => {
    const res = await post('x'.repeat(100), { 'content-length': '100' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('x'.repeat(100));
  });

  it('refuses a larger Content-Length with 413 before reading the body', async () => {
    const res = await post('x'.repeat(101), { 'content-length': '101' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('counts a chunked body as it arrives: within the limit it passes, over it is 413', async () => {
    const within = await post(chunked('y'.repeat(95)));
    expect(within.status).toBe(200);
    expect(await within.text()).toBe('y'.repeat(95));
    const over = await post(chunked('z'.repeat(250)));
    expect(over.status).toBe(413);
  });
});
