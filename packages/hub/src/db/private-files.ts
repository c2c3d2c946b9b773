import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

// The hub's files hold personal data (the database, its log, backups, exports) or the key that
// opens it: readable and writable by the hub's own user only, whatever umask it was started
// with (a umask only ever takes permissions away, so each mode is also set explicitly).

/** The mode of the hub's data folder: its own user only. */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of every file the hub writes personal data or keys to. */
export const PRIVATE_FILE_MODE = 0o600;

// Sets a mode, unless the file is not ours to change (another user reading it, e.g. root
// inspecting it read-only, may not): then it stays as its owner left it.
function setMode(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** Makes `dir` (with any missing parents) and sets it to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  setMode(dir, PRIVATE_DIR_MODE);
}

/** Sets each of `paths` that exists to 0600. */
export function makePrivate(...paths: string[]): void {
  for (const path of paths) if (existsSync(path)) setMode(path, PRIVATE_FILE_MODE);
}

/**
 * Creates `file` empty with mode 0600, or (with `exclusive`) refuses when it exists, so that
 * whatever is written into it afterwards — SQLite included — is private from the first byte.
 */
export function createPrivateFile(file: string, { exclusive = false } = {}): void {
  closeSync(openSync(file, exclusive ? 'wx' : 'a', PRIVATE_FILE_MODE));
  setMode(file, PRIVATE_FILE_MODE);
}

/** Writes `text` to a new file with mode 0600; refuses to overwrite one. */
export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  setMode(file, PRIVATE_FILE_MODE);
}
