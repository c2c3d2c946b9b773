import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { validator } from 'hono/validator';
import {
  programmeContentSchema,
  programmeInputSchema,
  programmeSlugSchema,
  publicPartOf,
  validate,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { actorOf, coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { HubError } from '../http/hub-error.js';
import { jsonBody } from '../http/json-body.js';
import { requestLang } from '../http/errors.js';
import { found, refuseIssues } from '../http/outcomes.js';
import { DEFAULT_RATE_LIMITS, perAddressLimit, type RateLimits } from '../http/rate-limit.js';
import {
  addProgrammeVersion,
  createProgramme,
  currentVersion,
  findProgramme,
  listProgrammes,
  peerIssues,
} from './store.js';

/**
 * How long a browser or a cache may reuse a programme's public part before asking again (and
 * then with `If-None-Match`): a new version reaches new forms within five minutes.
 */
export const PUBLIC_PROGRAMME_MAX_AGE = 300;

/** `:slug` in the address, or 400 `invalid_parameter` before anything is read. */
const slugParam = () =>
  validator('param', (params: Record<string, string>) => {
    const slug = params['slug'] ?? '';
    if (!validate(programmeSlugSchema, slug).ok) throw new HubError(400, 'invalid_parameter');
    return { slug };
  });

/**
 * `/api/v1/programmes`: for coordinators, the programmes with every version kept (list, create,
 * read with versions and history, add a version); for anyone, a programme's public part, which
 * the nomination form reads from partners' pages (any origin, no key: it holds nothing private).
 */
export function programmeRoutes(db: HubDatabase, limits: RateLimits = DEFAULT_RATE_LIMITS) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.get(
    '/:slug/public',
    cors({ origin: '*', allowMethods: ['GET'], exposeHeaders: ['ETag'], maxAge: 600 }),
    perAddressLimit(limits.perAddress),
    slugParam(),
    async (c) => {
      const { slug } = c.req.valid('param');
      const version = found(await currentVersion(db, slug));
      const etag = `"${version.noticeVersion}"`;
      c.header('Cache-Control', `public, max-age=${PUBLIC_PROGRAMME_MAX_AGE}`);
      c.header('ETag', etag);
      const asked = c.req.header('If-None-Match') ?? '';
      if (asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return c.body(null, 304);
      }
      return c.json(publicPartOf(version));
    },
  );

  app.get('/', auth, async (c) => c.json({ items: await listProgrammes(db) }));

  app.post('/', auth, writeBodyLimit(), jsonBody(programmeInputSchema), async (c) => {
    const input = c.req.valid('json');
    refuseIssues(await peerIssues(db, input.peers, requestLang(c)));
    const outcome = await createProgramme(db, input, actorOf(c).audit);
    if (outcome.kind === 'exists') throw new HubError(409, 'programme_exists');
    return c.json(outcome.record, 201);
  });

  app.get('/:slug', auth, slugParam(), async (c) => {
    const { slug } = c.req.valid('param');
    return c.json(found(await findProgramme(db, slug)));
  });

  app.post(
    '/:slug/versions',
    auth,
    writeBodyLimit(),
    slugParam(),
    jsonBody(programmeContentSchema),
    async (c) => {
      const { slug } = c.req.valid('param');
      const content = c.req.valid('json');
      refuseIssues(await peerIssues(db, content.peers, requestLang(c)));
      const version = await addProgrammeVersion(db, slug, content, actorOf(c).audit);
      return c.json(found(version), 201);
    },
  );

  return app;
}
