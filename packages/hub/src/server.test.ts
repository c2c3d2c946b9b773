import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralHubKey } from './devices/hub-key.js';
import type { LogEntry } from './http/log.js';
import type { StaticRoots } from './http/static-apps.js';
import { startServer, type RunningHub } from './server.js';

// The hub on a real socket, spoken to byte by byte, as an attacker would (RELIABILITY S10, B4):
// an oversized body is refused as soon as its headers say so or its chunks pass the limit, a
// stalled one ends with 408 after the request timeout (1 s here), and a client that gives up is
// logged as such, never as a 500.

let root: string;
let hub: RunningHub;
const logged: LogEntry[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stue-server-'));
  const roots = { demo: '', embed: '', kiosk: '', console: '' } satisfies StaticRoots;
  for (const name of Object.keys(roots) as (keyof StaticRoots)[]) {
    roots[name] = join(root, name);
    mkdirSync(roots[name]);
    writeFileSync(join(roots[name], 'index.html'), `<title>${name}</title>`);
  }
  hub = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseFile: ':memory:',
    demo: 'accounts',
    staticRoots: roots,
    hubKey: await ephemeralHubKey(),
    log: (entry) => logged.push(entry),
    timeouts: { requestMs: 1000, headersMs: 1000 },
  });
});
afterAll(async () => {
  await hub?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Exchange {
  /** Everything the hub answered, once it has answered (or closed the connection). */
  answer: Promise<string>;
  /** Writes more of the request; false once the hub has closed the connection. */
  send(bytes: string | Buffer): Promise<boolean>;
  /** Drops the connection, as a client that gives up. */
  abort(): void;
}

/** A raw HTTP/1.1 exchange on a new connection, starting with `head`. */
function exchange(head: string): Exchange {
  const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
  let received = Buffer.alloc(0);
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // One whole answer: the headers and the body they announce.
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received.toString('latin1', 0, end))?.[1];
      if (end >= 0 && length !== undefined && received.length - end - 4 >= Number(length)) {
        resolve(received.toString());
      }
    });
    socket.on('close', () => resolve(received.toString()));
  });
  socket.on('error', () => {});
  socket.write(head);
  return {
    answer,
    send: (bytes) =>
      new Promise((resolve) => {
        if (socket.destroyed || socket.writableEnded) return resolve(false);
        socket.write(bytes, (error) => resolve(!error));
      }),
    abort: () => socket.destroy(),
  };
}

const head = (path: string, headers: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;

const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const errorCode = (answer: string) =>
  (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }).error
    .code;

/** Waits until the request log has a line for `route`, and returns the lines logged since `from`. */
async function logUntilRequest(from: number, route: string) {
  await expect
    .poll(() => logged.slice(from).some((e) => e.msg === 'request' && e.route === route))
    .toBe(true);
  return logged.slice(from);
}

describe('the hub on a socket', () => {
  it.each(['/api/v1/session', '/api/v1/devices/enrol'])(
    'answers a 200 MB Content-Length on %s with 413 at once, before a byte of the body',
    async (path) => {
      const client = exchange(head(path, 'Content-Length: 209715200\r\n'));
      const answer = await client.answer;
      expect(status(answer)).toBe(413);
      expect(errorCode(answer)).toBe('payload_too_large');
      client.abort();
    },
  );

  it.each(['/api/v1/session', '/api/v1/devices/enrol'])(
    'answers a chunked body on %s with 413 as soon as it streams past the limit',
    async (path) => {
      const client = exchange(head(path, 'Transfer-Encoding: chunked\r\n'));
      const answered = client.answer.then(() => false);
      const chunk = `400\r\n${'x'.repeat(0x400)}\r\n`;
      // Up to 200 MB, in 1 KB chunks, until the hub answers or closes the connection.
      for (let sent = 0; sent < 200 * 1024; sent++) {
        if (!(await Promise.race([client.send(chunk), answered]))) break;
      }
      const answer = await client.answer;
      expect(status(answer)).toBe(413);
      expect(errorCode(answer)).toBe('payload_too_large');
      client.abort();
    },
  );

  it.each([
    ['Content-Length: 209715200', (piece: Buffer) => piece],
    [
      'Transfer-Encoding: chunked',
      (piece: Buffer) => Buffer.concat([Buffer.from('10000\r\n'), piece, Buffer.from('\r\n')]),
    ],
  ])(
    'reads no more of a refused body (%s): the client cannot push it through, and is told 413',
    async (framing, frame) => {
      const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('error', () => {});
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.write(head('/api/v1/session', `${framing}\r\n`));
      // As fast as the hub takes it, until the hub closes the connection or 200 MB are gone.
      const piece = frame(Buffer.alloc(64 * 1024, 'x'));
      let written = 0;
      const pump = () => {
        while (!socket.destroyed && written < 200 * 1024 * 1024) {
          written += piece.length;
          if (!socket.write(piece)) return void socket.once('drain', pump);
        }
      };
      pump();
      await closed;
      expect(status(answer)).toBe(413);
      // What the connection's buffers hold on both sides: a few megabytes, never the body.
      expect(written).toBeLessThan(32 * 1024 * 1024);
    },
  );

  it('ends a stalled body with 408 after the request timeout, logged as a timeout, not a 500', async () => {
    const from = logged.length;
    const client = exchange(head('/api/v1/session', 'Content-Length: 100\r\n'));
    await client.send('{"email":');
    const answer = await client.answer;
    expect(status(answer)).toBe(408);
    expect(errorCode(answer)).toBe('request_timeout');
    expect(answer).toMatch(/^x-content-type-options: nosniff$/im);
    expect(answer).toMatch(/^content-security-policy: default-src 'none'/im);
    const lines = await logUntilRequest(from, '/api/v1/session');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request timeout', route: '/api/v1/session' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/api/v1/session', status: 408 }),
    );
    expect(lines.filter((e) => e.msg === 'error' || e.status === 500)).toEqual([]);
  });

  it('ends stalled headers with 408 after the request timeout', async () => {
    const from = logged.length;
    const client = exchange('POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const answer = await client.answer;
    expect(status(answer)).toBe(408);
    expect(errorCode(answer)).toBe('request_timeout');
    expect(logged.slice(from)).toContainEqual(expect.objectContaining({ msg: 'request timeout' }));
  });

  it('logs a client that gives up in the middle of its body as an abort, not a 500', async () => {
    const from = logged.length;
    const client = exchange(head('/api/v1/devices/enrol', 'Content-Length: 100\r\n'));
    await client.send('{"code":');
    // The hub is reading the body when the client goes away.
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.abort();
    const lines = await logUntilRequest(from, '/api/v1/devices/enrol');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'client aborted', route: '/api/v1/devices/enrol' }),
    );
    expect(lines.filter((e) => e.msg === 'error' || e.status === 500)).toEqual([]);
  });

  it('still answers a small valid request on the same hub', async () => {
    const res = await fetch(`${hub.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
