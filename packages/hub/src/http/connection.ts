import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context } from 'hono';
import { errorJson } from './errors.js';
import type { Log } from './log.js';
import { CONTENT_SECURITY_POLICIES } from './security-headers.js';

/** How long a client has to send a request. */
export interface Timeouts {
  /** The whole request, headers and body (Node's `requestTimeout`; Node's default is 300 s). */
  requestMs: number;
  /** The headers alone (Node's `headersTimeout`); at most `requestMs`. */
  headersMs: number;
}

/**
 * Long enough for the largest body the hub reads (64 KB) over a poor mobile connection, short
 * enough that a slow or stalled client cannot hold a connection for minutes.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 20_000, headersMs: 10_000 };

/**
 * The Node server options that apply `timeouts`. Node checks for expired requests on an interval
 * (30 s by default); a shorter one makes the timeout end a request when it says it will.
 */
export function timeoutOptions({ requestMs, headersMs }: Timeouts) {
  return {
    requestTimeout: requestMs,
    headersTimeout: Math.min(headersMs, requestMs),
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestMs / 4))),
  };
}

// Parse errors from a peer that has already gone: nobody is left to answer.
const GONE = new Set(['ECONNRESET', 'EPIPE', 'HPE_INVALID_EOF_STATE']);

// An answer written straight to the socket, with the headers of whatever is no page.
const rawAnswer = (status: string, body = '') =>
  `HTTP/1.1 ${status}\r\nConnection: close\r\n` +
  `Content-Security-Policy: ${CONTENT_SECURITY_POLICIES.other}\r\n` +
  'X-Content-Type-Options: nosniff\r\n' +
  (body ? 'Content-Type: application/json\r\n' : '') +
  `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/**
 * Answers what Node's HTTP parser or its timeouts refuse before the app sees a request, as Node
 * would but in the API's error shape: a request that did not arrive in time is 408
 * `request_timeout`, and a client that has gone is not answered. A timeout with no request in
 * flight (the headers never came) is logged here; one in the middle of a body is logged by the
 * app, which knows the route (see {@link requestCutOff}).
 */
export function answerClientErrors(server: Server, log?: Log) {
  // Node's own check ("has the in-flight response started?") reads a private field; the
  // responses in flight, per socket, tell the same with public events.
  const inFlight = new WeakMap<Duplex, ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight.set(req.socket, res);
    res.once('finish', () => inFlight.delete(req.socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = error.code ?? '';
    const response = inFlight.get(socket);
    // Not writable: the peer has gone, or the hub has closed its side after refusing a body.
    const answer = !GONE.has(code) && socket.writable && !response?.headersSent;
    if (answer) {
      // Messages in Danish, the default: the request's Accept-Language may never have arrived.
      socket.write(
        code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawAnswer('408 Request Timeout', errorJson('request_timeout'))
          : code === 'HPE_HEADER_OVERFLOW'
            ? rawAnswer('431 Request Header Fields Too Large')
            : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
              ? rawAnswer('413 Payload Too Large', errorJson('payload_too_large'))
              : rawAnswer('400 Bad Request'),
      );
    }
    if (answer && code === 'ERR_HTTP_REQUEST_TIMEOUT' && !response) {
      log?.({ msg: 'request timeout', level: 'warn' });
    }
    // With the error, so that the app can tell a timeout from a client that went away.
    socket.destroy(error);
  });
}

/** How long a connection whose body was refused stays open, unread, for the 413 to be read. */
const LINGER_MS = 2_000;

/**
 * How many such connections may linger at once. Each holds what it had read when it was
 * refused (up to some 200 KB), so under a flood the rest are closed at once.
 */
const MAX_LINGERING = 32;

/** The path of a request target as the app routes it (`/api/v1/session` of `/api/v1/session?x`). */
function pathOf(target = '/'): string {
  const path = target.split('?')[0] ?? '/';
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Reads no more of a body the app refuses as too large (413) than what is already in the
 * buffers (some 100 KB). Left alone, the server reads the rest to keep the connection: Node
 * discards the whole body from the socket, the Hono adapter up to 64 MB of it in half a second;
 * with 20 clients sending 200 MB each, that garbage is a hundred megabytes of memory before the
 * collector runs.
 *
 * Instead the connection stops reading (TCP then stops the client), sends the 413 and its end,
 * and is closed {@link LINGER_MS} later: time enough for the client to read the answer, which
 * closing at once would often destroy. At most {@link MAX_LINGERING} linger at a time.
 * `limitFor` is the app's own body limit by path; serve the app with the adapter's
 * `autoCleanupIncoming: false`.
 */
export function dropRefusedBodies(server: Server, limitFor: (path: string) => number) {
  const lingering = new Set<Duplex>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // A body the app will refuse by its Content-Length: started as if read (up to the stream's
    // high-water mark, then the socket pauses), so that Node does not discard the rest of it
    // from the socket once the 413 is out. A chunked body the app refuses has been read that
    // far already.
    if (Number(req.headers['content-length']) > limitFor(pathOf(req.url))) req.read(0);
    res.once('finish', () => {
      if (res.statusCode !== 413 || req.complete) return;
      const socket = req.socket;
      if (lingering.size >= MAX_LINGERING) return void socket.destroy();
      lingering.add(socket);
      socket.end();
      const linger = setTimeout(() => socket.destroy(), LINGER_MS);
      linger.unref();
      socket.once('close', () => {
        clearTimeout(linger);
        lingering.delete(socket);
      });
    });
  });
}

/**
 * Why the request's body was cut off before it was whole, if it was: the client went away
 * (`aborted`), or the request timeout ended it (`timeout`). Reading such a body fails; that is
 * no fault of the hub's.
 */
export function requestCutOff(c: Context): 'aborted' | 'timeout' | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.complete || !incoming.readableAborted) return undefined;
  const reason = incoming.socket?.errored as NodeJS.ErrnoException | null | undefined;
  return reason?.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'timeout' : 'aborted';
}
