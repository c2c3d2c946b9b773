import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../cli/operations.js';
import { loadOrCreateHubKey } from '../devices/hub-key.js';
import { seedDemo } from '../partners/partners.js';
import { openDatabase } from './database.js';
import { writePrivateFile } from './private-files.js';

// RELIABILITY.md S12: the hub's data folder is its user's alone (0700), and every file in it that
// holds personal data or a key — the database, its log and shared-memory file, backups, the copy
// a restore leaves, exports and the sealing key — is readable by that user only (0600), whatever
// the umask the hub was started with. The most permissive umask there is, 0, is the test.

let umask: number;
const dirs: string[] = [];
beforeEach(() => {
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'stue-modes-'));
  dirs.push(dir);
  return dir;
};
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('file modes (S12)', () => {
  it('a new database: its folder 0700; the file, its log and shared memory 0600', async () => {
    const data = join(tempDir(), 'data');
    const file = join(data, 'stue.sqlite');
    const db = await openDatabase(file);
    await seedDemo(db);
    expect(mode(data)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path)).toBe('600');
    await db.destroy();
  });

  it('a database some earlier run left readable by others is made private when it opens', async () => {
    const file = join(tempDir(), 'stue.sqlite');
    const db = await openDatabase(file);
    await seedDemo(db);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    // The log and shared memory stay behind while another connection holds the file.
    const again = await openDatabase(file);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path)).toBe('600');
    await again.destroy();
    await db.destroy();
  });

  it('a backup, the restored database and the copy the restore keeps are 0600', async () => {
    const dir = tempDir();
    const live = join(dir, 'stue.sqlite');
    const db = await openDatabase(live);
    await seedDemo(db);
    const backup = join(dir, 'backup.sqlite');
    await backupDatabase(db, backup);
    expect(mode(backup)).toBe('600');
    await db.destroy();

    // A backup copied about by hand may have lost its mode.
    chmodSync(backup, 0o644);
    const outcome = await restoreDatabase(backup, live);
    expect(mode(live)).toBe('600');
    expect(mode(outcome.previous!)).toBe('600');
  });

  it('an export written to a file is 0600, and never overwrites', () => {
    const file = join(tempDir(), 'export.json');
    writePrivateFile(file, '{"nomination":{}}\n');
    expect(mode(file)).toBe('600');
    expect(() => writePrivateFile(file, '{}')).toThrow(/exists/);
  });

  it("the sealing key's folder is 0700 and the key file 0600, also when found readable by others", async () => {
    const folder = join(tempDir(), 'data');
    const file = join(folder, 'hub-key.json');
    await loadOrCreateHubKey(file, {});
    expect(mode(folder)).toBe('700');
    expect(mode(file)).toBe('600');
    chmodSync(file, 0o644);
    await loadOrCreateHubKey(file, {});
    expect(mode(file)).toBe('600');
  });
});
