import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_LAUNCH_OPTIONS } from './test/support/browser.ts';

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

/**
 * TEST ONLY: a fake Stue hub for the outbox's browser tests, served by the test runner alone
 * under /__stue-test/hub/{hubId}/. Each hub id (a test makes a fresh one) has its own in-memory
 * rows and a script of what the next requests meet:
 *
 * - `POST …/api/v1/{path}` with `{id, deviceSeq, kind, body}` and `Bearer test-device`:
 *   201 stored, 200 replay (same body), 409 `record_conflict` (other body), 410 `erased`;
 * - `POST …/control` with `{script?, erased?, seed?}`: script steps are `'ok'`, `'hang'` (no
 *   answer until the client gives up), `'lose'` (store, then drop the connection unanswered)
 *   and `{status, code?, retryAfter?}` (answer that error, store nothing);
 * - `GET …/state`: `{rows, requests}`.
 */
function stueTestHub() {
  const hubs = new Map();
  const hubFor = (id) => {
    if (!hubs.has(id))
      hubs.set(id, { rows: new Map(), erased: new Set(), script: [], requests: [] });
    return hubs.get(id);
  };
  const error = (ctx, status, code) => {
    ctx.status = status;
    ctx.body = { error: { code, message: code } };
  };
  return async function stueTestHubMiddleware(ctx, next) {
    const match = /^\/__stue-test\/hub\/([\w-]+)\/(.+)$/.exec(ctx.path);
    if (!match) return next();
    const hub = hubFor(match[1]);
    const route = match[2];
    if (route === 'state') {
      ctx.body = { rows: [...hub.rows.values()], requests: hub.requests };
      return;
    }
    if (route === 'control' && ctx.method === 'POST') {
      const { script = [], erased = [], seed = [] } = await readJson(ctx.req);
      hub.script.push(...script);
      for (const id of erased) hub.erased.add(id);
      for (const row of seed) hub.rows.set(row.id, row);
      ctx.status = 204;
      return;
    }
    if (!/^api\/v1\/[\w-]+$/.test(route) || ctx.method !== 'POST')
      return error(ctx, 404, 'not_found');
    const { id, deviceSeq, kind, body } = await readJson(ctx.req);
    const step = hub.script.shift() ?? 'ok';
    const log = (result) => hub.requests.push({ id, deviceSeq, at: Date.now(), result });
    if (ctx.get('authorization') !== 'Bearer test-device') {
      log('401');
      return error(ctx, 401, 'unauthorized');
    }
    if (step === 'hang') {
      log('hang');
      await new Promise((resolve) => {
        ctx.res.once('close', resolve);
        setTimeout(resolve, 30_000);
      });
      ctx.status = 204; // for the runner's log only: nothing is sent
      ctx.respond = false;
      return;
    }
    if (typeof step === 'object') {
      log(String(step.status));
      if (step.retryAfter !== undefined) ctx.set('retry-after', String(step.retryAfter));
      return error(ctx, step.status, step.code ?? `http_${step.status}`);
    }
    if (hub.erased.has(id)) {
      log('410');
      return error(ctx, 410, 'erased');
    }
    const existing = hub.rows.get(id);
    let status = 201;
    if (!existing) hub.rows.set(id, { id, deviceSeq, kind, body });
    else status = JSON.stringify(existing.body) === JSON.stringify(body) ? 200 : 409;
    if (step === 'lose') {
      log(`${status}-lost`);
      ctx.status = 204; // for the runner's log only: the connection is dropped unanswered
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    log(String(status));
    if (status === 409) return error(ctx, 409, 'record_conflict');
    ctx.status = status;
    ctx.body = { id };
  };
}

// Browser tests (*.browser.test.ts beside the code) run in a real Chromium, started as the
// journeys start it (test/support/browser.ts).
export default {
  files: ['packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  middleware: [stueTestHub()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
