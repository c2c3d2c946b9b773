import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// The partner-sync example — a partner's server using @stue/core — against a real hub process.

const dataDir = newDataDir();
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub(dataDir);
});
afterAll(async () => {
  await hub.stop();
  removeDataDir(dataDir);
});

describe('examples/partner-sync', () => {
  it('sends a nomination from Node and reads its status', async () => {
    const script = new URL('../examples/partner-sync/index.js', import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [script.pathname], {
      env: { ...process.env, STUE_API: `${hub.url}/`, STUE_PARTNER_KEY: 'pk_demo' },
    });
    const reference = /Sent: (STUE-\w{4}-\w{4}) \(received\)/.exec(stdout)?.[1];
    expect(reference, stdout).toBeDefined();
    expect(stdout).toContain('Status now: received');
    const res = await fetch(`${hub.url}/api/v1/nominations/${reference}/status`, {
      headers: { authorization: 'Bearer pk_demo' },
    });
    expect(res.status).toBe(200);
  });
});
