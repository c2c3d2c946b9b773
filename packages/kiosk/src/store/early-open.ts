import { openStueDb, type StueDb } from '@stue/core/idb';
import { KioskStore, type BootState } from './kiosk-store.js';

/** The database being opened, and the first screen's state being read, before the app loaded. */
export interface EarlyOpen {
  dbName: string;
  db: Promise<StueDb>;
  state: Promise<BootState>;
}

let early: EarlyOpen | undefined;

/**
 * Starts opening the kiosk's database and reading what the first screen needs (one transaction),
 * so that both happen while the app's code is still loading. The app's services take it up
 * ({@link takeEarlyOpen}); failures are theirs to report, as if they had opened it themselves.
 *
 * @example
 * openEarly('stue');
 * void import('./app.js');
 */
export function openEarly(dbName: string): void {
  const db = openStueDb(dbName);
  const state = db.then((opened) => new KioskStore(opened).boot());
  // Not unhandled while nobody has taken them yet: the taker awaits them.
  db.catch(() => undefined);
  state.catch(() => undefined);
  early = { dbName, db, state };
}

/** The early open of `dbName`, once: the next caller opens afresh. */
export function takeEarlyOpen(dbName: string): EarlyOpen | undefined {
  if (early?.dbName !== dbName) return undefined;
  const taken = early;
  early = undefined;
  return taken;
}
