import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hubForFile } from './support/hub.js';

// The partner-sync example — a partner's server using @stue/core — against a real hub process.

let reference: string | undefined;

const hub = hubForFile();

describe('examples/partner-sync', () => {
  it('sends a nomination from Node and reads its status', async () => {
    const script = new URL('../examples/partner-sync/index.js', import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [script.pathname], {
      env: { ...process.env, STUE_API: `${hub.url}/`, STUE_PARTNER_KEY: 'pk_demo' },
    });
    reference = /Sent: (STUE-\w{4}-\w{4}) \(received\)/.exec(stdout)?.[1];
    expect(reference, stdout).toBeDefined();
    expect(stdout).toContain('Status now: received');
    const res = await fetch(`${hub.url}/api/v1/nominations/${reference}/status`, {
      headers: { authorization: 'Bearer pk_demo' },
    });
    expect(res.status).toBe(200);
  });

  it('lists its own nominations with the secret key and receives a verified webhook', async () => {
    const script = new URL('../examples/partner-sync/webhooks.js', import.meta.url);
    const child = spawn(process.execPath, [script.pathname], {
      env: { ...process.env, STUE_API: `${hub.url}/`, STUE_SECRET_KEY: 'sk_demo', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const seen = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !pattern.test(output); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toMatch(pattern);
    };
    try {
      await seen(/Listening for webhooks/);
      expect(output).toContain(`${reference} received`);

      // A coordinator screens the nomination; the hub tells the partner's server.
      const signIn = await fetch(`${hub.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The demo coordinator `stue-hub serve --demo` prints at start.
        body: JSON.stringify({
          email: 'koordinator@demo.stue.dk',
          password: 'stue-demo-koordinator',
        }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const list = await fetch(`${hub.url}/api/v1/nominations`, { headers: { cookie } });
      const { items } = (await list.json()) as { items: { id: string; reference: string }[] };
      const id = items.find((item) => item.reference === reference)!.id;
      const review = await fetch(`${hub.url}/api/v1/nominations/${id}/review`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(review.status).toBe(200);
      await seen(
        new RegExp(`Verified nomination.status_changed: ${reference} \\(received → in-review\\)`),
      );
      expect(output).not.toContain('Refused');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // Stopping removed the endpoint again.
    const partnerWebhooks = await fetch(`${hub.url}/api/v1/partner/webhooks`, {
      headers: { authorization: 'Bearer sk_demo' },
    });
    const { items: endpoints } = (await partnerWebhooks.json()) as {
      items: { disabledAt: string | null }[];
    };
    expect(endpoints.every((e) => e.disabledAt !== null)).toBe(true);
  });
});
