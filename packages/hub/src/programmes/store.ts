import {
  DEFAULT_PROGRAMME_ID,
  issueMessage,
  newId,
  noticeVersionOf,
  type Issue,
  type Lang,
  type ProgrammeContent,
  type ProgrammeDetail,
  type ProgrammeInput,
  type ProgrammeVersion,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { auditHistory, writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared.js';

type VersionRow = {
  slug: string;
  version: number;
  body: string;
  created_at: string;
  created_by: string;
};

// A version written before programmes named peers names none.
const versionOf = (row: VersionRow): ProgrammeVersion => ({
  ...(JSON.parse(row.body) as Omit<ProgrammeContent, 'peers'>),
  peers: (JSON.parse(row.body) as { peers?: string[] }).peers ?? [],
  slug: row.slug,
  version: Number(row.version),
  noticeVersion: noticeVersionOf(row.slug, Number(row.version)),
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const versions = (db: HubDatabase) =>
  db
    .selectFrom('programme_versions')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .select([
      'programmes.slug',
      'programme_versions.version',
      'programme_versions.body',
      'programme_versions.created_at',
      'programme_versions.created_by',
    ]);

/**
 * Stores a new programme with its first version, and says so in the audit trail; `exists` when
 * the slug is taken (a slug is for good: a change is a new version).
 */
export async function createProgramme(
  db: HubDatabase,
  input: ProgrammeInput,
  by: string,
  now = new Date().toISOString(),
): Promise<{ kind: 'created'; record: ProgrammeVersion } | { kind: 'exists' }> {
  const { slug, ...content } = input;
  try {
    return await db.transaction().execute(async (tx) => {
      const taken = await tx
        .selectFrom('programmes')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (taken) return { kind: 'exists' as const };
      const id = newId();
      await tx.insertInto('programmes').values({ id, slug, created_at: now }).execute();
      await insertVersion(tx, id, 1, content, by, now);
      await writeAudit(tx, {
        at: now,
        actor: by,
        entity: 'programme',
        entityId: slug,
        action: 'created',
        details: { version: 1 },
      });
      return {
        kind: 'created' as const,
        record: versionOf({
          slug,
          version: 1,
          body: JSON.stringify(content),
          created_at: now,
          created_by: by,
        }),
      };
    });
  } catch (error) {
    // Two coordinators creating the same slug at once: the unique key decides, the second hears so.
    if (await programmeId(db, slug)) return { kind: 'exists' };
    throw error;
  }
}

/**
 * Adds a version to a programme: the next number, the whole content, an audit entry. Earlier
 * versions stay as they were. `undefined` when there is no such programme.
 */
export async function addProgrammeVersion(
  db: HubDatabase,
  slug: string,
  content: ProgrammeContent,
  by: string,
  now = new Date().toISOString(),
): Promise<ProgrammeVersion | undefined> {
  return db.transaction().execute(async (tx) => {
    const programme = await tx
      .selectFrom('programmes')
      .select('id')
      .where('slug', '=', slug)
      .$if(locksRows(tx), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!programme) return undefined;
    const last = await tx
      .selectFrom('programme_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('programme_id', '=', programme.id)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    await insertVersion(tx, programme.id, version, content, by, now);
    await writeAudit(tx, {
      at: now,
      actor: by,
      entity: 'programme',
      entityId: slug,
      action: 'new-version',
      details: { version },
    });
    return versionOf({
      slug,
      version,
      body: JSON.stringify(content),
      created_at: now,
      created_by: by,
    });
  });
}

function insertVersion(
  tx: HubDatabase,
  programmeId: string,
  version: number,
  content: ProgrammeContent,
  by: string,
  now: string,
) {
  return tx
    .insertInto('programme_versions')
    .values({
      programme_id: programmeId,
      version,
      body: JSON.stringify(content),
      created_at: now,
      created_by: by,
    })
    .execute();
}

async function programmeId(db: HubDatabase, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('programmes')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

/** The newest version of the programme `slug`, or `undefined`. */
export async function currentVersion(
  db: HubDatabase,
  slug: string,
): Promise<ProgrammeVersion | undefined> {
  const row = await versions(db)
    .where('programmes.slug', '=', slug)
    .orderBy('programme_versions.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && versionOf(row);
}

/** Every programme's newest version, by slug. */
export async function listProgrammes(db: HubDatabase): Promise<ProgrammeVersion[]> {
  const rows = await versions(db)
    .orderBy('programmes.slug')
    .orderBy('programme_versions.version', 'desc')
    .execute();
  const newest = new Map<string, ProgrammeVersion>();
  for (const row of rows) if (!newest.has(row.slug)) newest.set(row.slug, versionOf(row));
  return [...newest.values()];
}

/** A programme with its versions (newest first) and its audit trail, or `undefined`. */
export async function findProgramme(
  db: HubDatabase,
  slug: string,
): Promise<ProgrammeDetail | undefined> {
  const rows = await versions(db)
    .where('programmes.slug', '=', slug)
    .orderBy('programme_versions.version', 'desc')
    .execute();
  const [newest] = rows;
  if (!newest) return undefined;
  return {
    current: versionOf(newest),
    versions: rows.map((row) => ({
      version: Number(row.version),
      noticeVersion: noticeVersionOf(slug, Number(row.version)),
      createdAt: row.created_at,
      createdBy: row.created_by,
    })),
    history: await auditHistory(db, 'programme', slug),
  };
}

/**
 * What is wrong with a programme's peers: each must be a musician Stue knows (`not_found`) who
 * tours now (`inactive`), at `peers.N`, in `lang`.
 */
export async function peerIssues(db: HubDatabase, peers: string[], lang: Lang): Promise<Issue[]> {
  if (peers.length === 0) return [];
  const rows = await db
    .selectFrom('musicians')
    .select(['id', 'active'])
    .where('id', 'in', peers)
    .execute();
  const active = new Map(rows.map((row) => [row.id, Boolean(Number(row.active))]));
  return peers.flatMap((id, index): Issue[] => {
    const known = active.get(id);
    if (known === true) return [];
    const code = known === undefined ? 'not_found' : 'inactive';
    return [{ path: `peers.${index}`, code, message: issueMessage('peers', code, lang) }];
  });
}

/**
 * The peers the newest version of each programme names, by slug, among `slugs`: the active
 * musicians only, in the programme's order, with their names.
 */
export async function programmePeers(
  db: HubDatabase,
  slugs: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const peers = new Map<string, { id: string; name: string }[]>();
  const named = new Map<string, string[]>();
  for (const slug of new Set(slugs)) {
    named.set(slug, (await currentVersion(db, slug))?.peers ?? []);
  }
  const ids = [...new Set([...named.values()].flat())];
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('musicians')
          .select(['id', 'name'])
          .where('id', 'in', ids)
          .where('active', '=', 1)
          .execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  for (const [slug, list] of named) {
    peers.set(
      slug,
      list.flatMap((id) => {
        const name = names.get(id);
        return name === undefined ? [] : [{ id, name }];
      }),
    );
  }
  return peers;
}

/** What {@link checkNominationProgramme} found wrong, if anything. */
export type NominationProgrammeCheck =
  | { kind: 'ok' }
  | { kind: 'unknown_programme' }
  | { kind: 'unknown_notice_version'; index: number };

// Read for every nomination, so compiled once (db/prepared.ts).
const newestVersions = preparedQuery((db, ...slugs) =>
  db
    .selectFrom('programme_versions')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .select(['programmes.slug'])
    .select((eb) => eb.fn.max('programme_versions.version').as('newest'))
    .where('programmes.slug', 'in', slugs)
    .groupBy('programmes.slug'),
);

/**
 * Whether a nomination's programme and notice versions are ones the hub can stand behind: the
 * programme is one the hub holds, or the built-in default; a notice version written as a
 * programme's (`{slug}/{version}`, for a slug the hub holds, or the nominated one) is this
 * programme's, and a version it has had. Any other notice version is a form's or a partner's own
 * words, and stands as sent. `index` is the first of `noticeVersions` found wrong.
 */
export async function checkNominationProgramme(
  db: HubDatabase,
  slug: string,
  noticeVersions: readonly string[],
): Promise<NominationProgrammeCheck> {
  const written = noticeVersions.map((noticeVersion) => /^(.+)\/(\d+)$/.exec(noticeVersion));
  // Only the programmes this nomination names: the nominated one and those its versions name.
  const slugs = [...new Set([slug, ...written.flatMap((match) => (match ? [match[1]!] : []))])];
  const rows = await newestVersions(db, ...slugs);
  const newest = new Map(rows.map((row) => [row.slug, Number(row.newest)]));
  if (!newest.has(slug) && slug !== DEFAULT_PROGRAMME_ID) return { kind: 'unknown_programme' };
  const index = written.findIndex((match) => {
    if (!match || (match[1] !== slug && !newest.has(match[1]!))) return false;
    const version = Number(match[2]);
    return match[1] !== slug || version < 1 || version > (newest.get(slug) ?? 0);
  });
  return index === -1 ? { kind: 'ok' } : { kind: 'unknown_notice_version', index };
}
