import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { describe, expect, it } from 'vitest';
import { answerCors } from './answer-cors.js';

const expose = ['Retry-After', 'Date'];
const honoCors = cors({ origin: (origin) => origin, exposeHeaders: expose });

/** An app with `middleware` before a route that answers, or fails with a 400 that onError says. */
function appWith(middleware: MiddlewareHandler) {
  const answers: Response[] = [];
  const app = new Hono();
  app.use('*', middleware);
  app.post('/ok', (c) => {
    const answer = c.json({ ok: true }, 201);
    answers.push(answer);
    return answer;
  });
  app.post('/fails', () => {
    throw new Error('refused');
  });
  app.onError((_, c) => c.json({ error: 'refused' }, 400));
  return { app, answers };
}

const corsHeaders = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => /^(access-control-|vary$)/.test(name)));

describe('answerCors', () => {
  it.each([
    ['a page', { origin: 'https://kommune.example' }],
    ['a server (no Origin)', {}],
  ])("gives %s the headers Hono's cors gives, on an answer and on an error", async (_, headers) => {
    for (const path of ['/ok', '/fails']) {
      const ours = await appWith(answerCors(expose)).app.request(path, { method: 'POST', headers });
      const hono = await appWith(honoCors).app.request(path, { method: 'POST', headers });
      expect(ours.status).toBe(hono.status);
      expect(corsHeaders(ours)).toEqual(corsHeaders(hono));
      expect(corsHeaders(ours)).toMatchObject({
        'access-control-expose-headers': 'Retry-After,Date',
        vary: 'Origin',
      });
    }
  });

  it("sends the route's own answer, where Hono's cors sends a copy of it", async () => {
    const headers = { origin: 'https://kommune.example' };
    const ours = appWith(answerCors(expose));
    expect(await ours.app.request('/ok', { method: 'POST', headers })).toBe(ours.answers[0]);
    const hono = appWith(honoCors);
    expect(await hono.app.request('/ok', { method: 'POST', headers })).not.toBe(hono.answers[0]);
  });
});
