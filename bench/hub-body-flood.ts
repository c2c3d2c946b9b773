// RELIABILITY S10 and B4: the real hub process while 20 clients throw 200 MB bodies at the
// anonymous routes (sign-in and enrolment), half announced by Content-Length and half chunked;
// each client keeps sending until the hub closes the connection, then starts its next body. The
// figure is how much the hub's resident memory grows; the reference is the growth of a fresh hub
// under the same 20 clients sending small, well-formed bodies to the same routes for the same
// time. Also printed, without a goal: the same flood from clients that drop each connection as
// soon as the hub answers and reconnect at once (a connection flood more than a body flood).
// Loopback only, five seconds a phase, and every hub process is stopped.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { benchHub } from './hub-ingest.ts';

const CLIENTS = 20;
const BODY_BYTES = 200 * 1024 * 1024;
const PHASE_MS = 5_000;
const GOAL_MB = 50;
const ROUTES = ['/api/v1/session', '/api/v1/devices/enrol'] as const;
const MB = 1024 * 1024;

/** The resident memory of process `pid`, in bytes (Linux's /proc, or `ps` elsewhere). */
function rss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
  } catch {
    return (
      Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) * 1024
    );
  }
}

/** The hub's resident memory at rest: the median of a few samples a little apart. */
async function restingRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rss(pid));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return samples.sort((a, b) => a - b)[2]!;
}

/** Runs `load` while sampling `pid`'s resident memory every 50 ms; returns the peak. */
async function peakRssDuring(pid: number, load: () => Promise<void>): Promise<number> {
  let peak = rss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rss(pid));
  }, 50);
  try {
    await load();
    // Whatever the hub still holds as the last connections close counts too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    peak = Math.max(peak, rss(pid));
  } finally {
    clearInterval(timer);
  }
  return peak;
}

interface FloodStats {
  bytes: number;
  bodies: number;
  statuses: Record<string, number>;
}

// One 64 KB piece of body, raw and as one chunk of a chunked body.
const PIECE = Buffer.alloc(64 * 1024, 'x');
const CHUNK = Buffer.concat([
  Buffer.from(`${PIECE.length.toString(16)}\r\n`),
  PIECE,
  Buffer.from('\r\n'),
]);

/**
 * One 200 MB body on a connection of its own, written as fast as the hub takes it, until it is
 * all sent, the hub closes the connection, or `until`; an `impatient` client drops the
 * connection as soon as the hub answers. Resolves when the connection is closed.
 */
function oneBody(
  port: number,
  n: number,
  impatient: boolean,
  until: number,
  stats: FloodStats,
  open: Set<Socket>,
) {
  const path = ROUTES[n % ROUTES.length]!;
  const chunked = Math.floor(n / ROUTES.length) % 2 === 1;
  const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${BODY_BYTES}`;
  const piece = chunked ? CHUNK : PIECE;
  return new Promise<void>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    open.add(socket);
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (sent < BODY_BYTES && Date.now() < until && !socket.destroyed) {
        sent += PIECE.length;
        stats.bytes += PIECE.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
      // Time is up: the client gives up on the body, as an attacker's client does.
      if (sent < BODY_BYTES) socket.destroy();
      else if (!socket.destroyed) socket.end(chunked ? '0\r\n\r\n' : '');
    };
    socket.once('connect', () => {
      stats.bodies += 1;
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`,
      );
      pump();
    });
    socket.on('data', (data: Buffer) => {
      if (answered) return;
      answered = true;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? '?';
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      if (impatient) socket.destroy();
    });
    socket.on('error', () => {});
    socket.once('close', () => {
      open.delete(socket);
      if (!answered) stats.statuses['closed'] = (stats.statuses['closed'] ?? 0) + 1;
      resolve();
    });
  });
}

/** 20 clients sending 200 MB bodies, one after another, for `ms`; every socket is closed after. */
async function flood(url: string, ms: number, impatient: boolean): Promise<FloodStats> {
  const port = Number(new URL(url).port);
  const until = Date.now() + ms;
  const stats: FloodStats = { bytes: 0, bodies: 0, statuses: {} };
  const open = new Set<Socket>();
  // A client still waiting on the hub when time is up is cut off, so the phase is bounded.
  const cutOff = setTimeout(() => open.forEach((socket) => socket.destroy()), ms + 3_000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = client; Date.now() < until; n += CLIENTS) {
        await oneBody(port, n, impatient, until, stats, open);
      }
    }),
  );
  clearTimeout(cutOff);
  return stats;
}

/** The same 20 clients sending small, well-formed bodies to the same routes for `ms`. */
async function smallBodies(url: string, ms: number): Promise<number> {
  const until = Date.now() + ms;
  // Refused by validation, so that no password is hashed: what handling the requests costs,
  // not what scrypt does (128 MB a hash).
  const bodies = [
    JSON.stringify({ email: 'ingen@example.dk' }),
    JSON.stringify({ code: 'ABCD-EFGH' }),
  ];
  let sent = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = client; Date.now() < until; n += CLIENTS) {
        const res = await fetch(`${url}${ROUTES[n % ROUTES.length]}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bodies[n % bodies.length],
        });
        await res.arrayBuffer();
        sent += 1;
      }
    }),
  );
  return sent;
}

async function stillServes(url: string) {
  const res = await fetch(`${url}/api/health`);
  if (res.status !== 200) throw new Error(`the hub answered its health check with ${res.status}`);
}

/** A fresh hub's growth in resident memory, in MB, under a flood of 200 MB bodies. */
async function floodGrowth(name: string, impatient: boolean): Promise<number> {
  const hub = await benchHub(name);
  try {
    await stillServes(hub.url);
    const before = await restingRss(hub.pid);
    let stats: FloodStats = { bytes: 0, bodies: 0, statuses: {} };
    const peak = await peakRssDuring(hub.pid, async () => {
      stats = await flood(hub.url, PHASE_MS, impatient);
    });
    // The hub is still up and answering.
    await stillServes(hub.url);
    const growth = (peak - before) / MB;
    console.log(
      `hub-body-flood${impatient ? ' (clients that drop each connection on the answer)' : ''}: ` +
        `${stats.bodies} bodies of 200 MB (${(stats.bytes / MB).toFixed(0)} MB written) from ` +
        `${CLIENTS} clients in ${PHASE_MS / 1000} s; answers ${JSON.stringify(stats.statuses)}; ` +
        `the hub grew from ${(before / MB).toFixed(1)} MB by ${growth.toFixed(1)} MB`,
    );
    return growth;
  } finally {
    await hub.stop();
  }
}

/** The growth of a fresh hub under 20 clients sending small bodies, in MB. */
async function smallBodiesGrowth(): Promise<number> {
  const hub = await benchHub('flood-reference');
  try {
    await stillServes(hub.url);
    const idle = await restingRss(hub.pid);
    let sent = 0;
    const peak = await peakRssDuring(hub.pid, async () => {
      sent = await smallBodies(hub.url, PHASE_MS);
    });
    await stillServes(hub.url);
    const growth = (peak - idle) / MB;
    console.log(
      `hub-body-flood: idle hub ${(idle / MB).toFixed(1)} MB RSS; ${sent} small requests ` +
        `from ${CLIENTS} clients in ${PHASE_MS / 1000} s grew it by ${growth.toFixed(1)} MB`,
    );
    return growth;
  } finally {
    await hub.stop();
  }
}

export const hubBodyFloodBenchmarks = {
  'hub-body-flood': async () => {
    const referenceValue = await smallBodiesGrowth();
    const value = await floodGrowth('flood', false);
    await floodGrowth('flood-impatient', true);
    return {
      name: 'hub-body-flood',
      value,
      unit: 'MB RSS growth',
      reference: `${CLIENTS} clients sending small bodies to the same routes`,
      referenceValue,
      goal: `<= ${GOAL_MB} MB`,
      met: value <= GOAL_MB,
    };
  },
};
