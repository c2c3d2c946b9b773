import type * as z from 'zod/mini';
import { findMunicipality } from '../geo/municipalities.js';
import { issueMessage, type IssueCode, type Lang } from '../validation/messages.js';
import { validate, type ValidationResult } from '../validation/validate.js';
import { nominationSchema, type Nomination } from './nomination.js';
import {
  NOMINATION_V2_SCHEMA_VERSION,
  nominationV2Schema,
  type NominationV2,
  type NominationV2Input,
} from './nomination-v2.js';

/** What an upgrade may need to know that the old payload does not say. */
export interface UpgradeContext {
  /** When the payload was received: stands in for times an older version did not record. */
  now: Date;
}

/**
 * An upgrade's outcome: input for the next version, or the issues (at paths of the older shape,
 * which is what the sender wrote) that keep it from being upgraded.
 */
export type UpgradeResult =
  { ok: true; value: unknown } | { ok: false; issues: { path: string; code: IssueCode }[] };

/** One older version of a record: its schema, and how a valid value of it becomes the next one. */
export interface OlderVersion {
  readonly schema: z.core.$ZodType;
  readonly upgrade: (value: unknown, context: UpgradeContext) => UpgradeResult;
}

/**
 * Every version of a record a reader accepts: the current one (its number and schema) and the
 * older ones by number, each upgrading to the version after it.
 */
export interface RecordVersions<S extends z.core.$ZodType> {
  readonly current: number;
  readonly schema: S;
  readonly older: Readonly<Record<number, OlderVersion>>;
}

/** Options for reading a versioned payload. */
export interface ReadOptions {
  /** The language of issue messages (default Danish). */
  lang?: Lang;
  /** When the payload was received (default: now); see each upgrade for what it stands in for. */
  now?: Date;
}

/**
 * An older version for a {@link RecordVersions} registry, with an upgrade typed by its schema.
 *
 * @example
 * const v1 = olderVersion(nominationSchema, (value, { now }) => ({ ok: true, value: { … } }));
 */
export function olderVersion<S extends z.core.$ZodType>(
  schema: S,
  upgrade: (value: z.output<S>, context: UpgradeContext) => UpgradeResult,
): OlderVersion {
  return { schema, upgrade: upgrade as OlderVersion['upgrade'] };
}

function versionOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as { schemaVersion?: unknown }).schemaVersion
    : undefined;
}

/**
 * Reads a payload of any version `versions` knows: validates it against its own version's schema,
 * upgrades it step by step, and validates the result against the current schema, so the value is
 * always of the current shape, normalised and with defaults filled in. A payload of a version the
 * registry does not know (newer, or never made) gets one issue, `unsupported_version` at
 * `schemaVersion` ("the app needs an update – your data is kept"), and nothing else is looked at.
 *
 * A payload that is not an object, or has no `schemaVersion`, is validated as the current version,
 * so its issues say what is missing.
 *
 * @example
 * const result = readVersioned(NOMINATION_VERSIONS, body, { lang: 'en', now: receivedAt });
 */
export function readVersioned<S extends z.core.$ZodType>(
  versions: RecordVersions<S>,
  input: unknown,
  options: ReadOptions = {},
): ValidationResult<z.output<S>> {
  const lang = options.lang ?? 'da';
  const version = versionOf(input);
  if (version === undefined || version === versions.current) {
    return validate(versions.schema, input, { lang });
  }
  let step = typeof version === 'number' ? versions.older[version] : undefined;
  if (step === undefined) {
    const path = 'schemaVersion';
    const code = 'unsupported_version';
    return { ok: false, issues: [{ path, code, message: issueMessage(path, code, lang) }] };
  }
  const context: UpgradeContext = { now: options.now ?? new Date() };
  let at = version as number;
  let checked = validate(step.schema, input, { lang });
  while (checked.ok) {
    const upgraded = step.upgrade(checked.value, context);
    if (!upgraded.ok) {
      return {
        ok: false,
        issues: upgraded.issues.map(({ path, code }) => ({
          path,
          code,
          message: issueMessage(path, code, lang),
        })),
      };
    }
    at += 1;
    if (at === versions.current) return validate(versions.schema, upgraded.value, { lang });
    step = versions.older[at];
    // A gap in the registry is a programming error, not bad input.
    if (step === undefined) throw new Error(`No version ${at} between older and current`);
    checked = validate(step.schema, upgraded.value, { lang });
  }
  return checked;
}

/**
 * Upgrades a valid version 1 nomination to version 2 input:
 *
 * - `host.municipality` (free text) becomes `host.municipalityCode` through `findMunicipality`
 *   (names in any common spelling, or codes); text that names no municipality is refused with
 *   `unknown_municipality` at `host.municipality`, the field the sender filled in.
 * - Version 1 had no postcode: it stays out (it is optional in version 2; a coordinator asks for
 *   it on the call). The language of the visit becomes the default, Danish; the programme, the
 *   default programme; screening, preferences and access are empty.
 * - Version 1's `consent: true` was the statement "the host has said yes to the visit through the
 *   visiting friend", shown without a versioned notice. It becomes `{ agreedBy: 'host', via:
 *   'visiting-friend', at: now, noticeVersion: 'v1' }`, `now` being when the hub received the
 *   payload: the best record there is of when the yes was passed on.
 *
 * @example
 * upgradeNominationV1(v1, { now: new Date() }); // { ok: true, value: { schemaVersion: 2, … } }
 */
export function upgradeNominationV1(v1: Nomination, { now }: UpgradeContext): UpgradeResult {
  const municipality = findMunicipality(v1.host.municipality);
  if (municipality === undefined) {
    return { ok: false, issues: [{ path: 'host.municipality', code: 'unknown_municipality' }] };
  }
  const value: NominationV2Input = {
    schemaVersion: NOMINATION_V2_SCHEMA_VERSION,
    id: v1.id,
    nominator: v1.nominator,
    host: { firstName: v1.host.firstName, municipalityCode: municipality.code },
    visitingFriend: v1.visitingFriend,
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: now.toISOString(),
      noticeVersion: 'v1',
    },
  };
  return { ok: true, value };
}

/** The nomination versions {@link readNomination} accepts: 1 (upgraded) and 2 (current). */
export const NOMINATION_VERSIONS: RecordVersions<typeof nominationV2Schema> = {
  current: NOMINATION_V2_SCHEMA_VERSION,
  schema: nominationV2Schema,
  older: { 1: /* @__PURE__ */ olderVersion(nominationSchema, upgradeNominationV1) },
};

/**
 * Reads a nomination of any version a client may still send and returns it as version 2:
 * version 1 is upgraded (see {@link upgradeNominationV1}; pass `now` as the time it was received),
 * version 2 is validated as it is, and any other version is refused with `unsupported_version`.
 *
 * @example
 * const result = readNomination(body, { lang: 'en', now: new Date() });
 * if (result.ok) result.value.host.municipalityCode; // '751'
 */
export function readNomination(
  input: unknown,
  options: ReadOptions = {},
): ValidationResult<NominationV2> {
  return readVersioned(NOMINATION_VERSIONS, input, options);
}
