import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, makePrivate, writePrivateFile } from '../db/private-files.js';
import {
  generateHubKeyPair,
  keyId,
  type HubPrivateKeyJwk,
  type HubPublicKeyJwk,
} from '@stue/core/sealing';

/** The key pair tablets seal feedback to: the public half is handed out, the private one never. */
export interface HubKey {
  publicKeyJwk: HubPublicKeyJwk;
  privateKeyJwk: HubPrivateKeyJwk;
  /** The public key's thumbprint, carried in sealed envelopes as `kid`. */
  kid: string;
}

async function fromPrivate(privateKeyJwk: HubPrivateKeyJwk): Promise<HubKey> {
  // The public half is the private JWK without `d`.
  const { d: _d, ...publicKeyJwk } = privateKeyJwk;
  return { privateKeyJwk, publicKeyJwk, kid: await keyId(publicKeyJwk) };
}

/**
 * The hub's sealing key: from `STUE_HUB_PRIVATE_KEY` (a private JWK as JSON) when set, else from
 * `file`, which is created on first start with a new key pair and made readable by its owner
 * only. Losing this key makes every sealed record unreadable: back it up with the database.
 */
export async function loadOrCreateHubKey(file: string, env = process.env): Promise<HubKey> {
  if (env.STUE_HUB_PRIVATE_KEY) {
    return fromPrivate(JSON.parse(env.STUE_HUB_PRIVATE_KEY) as HubPrivateKeyJwk);
  }
  if (existsSync(file)) {
    // A key copied in by hand may have come with a looser mode.
    makePrivate(file);
    return fromPrivate(JSON.parse(readFileSync(file, 'utf8')) as HubPrivateKeyJwk);
  }
  const { privateKeyJwk } = await generateHubKeyPair();
  if (!existsSync(dirname(file))) ensurePrivateDir(dirname(file));
  // Refuses to overwrite a key another process wrote in the meantime.
  writePrivateFile(file, JSON.stringify(privateKeyJwk));
  return fromPrivate(privateKeyJwk);
}

/** A fresh key pair held in memory only: for tests and throwaway hubs. */
export async function ephemeralHubKey(): Promise<HubKey> {
  const { privateKeyJwk } = await generateHubKeyPair();
  return fromPrivate(privateKeyJwk);
}
