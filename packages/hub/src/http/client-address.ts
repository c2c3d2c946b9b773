import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

// `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is the IPv4 address it carries.
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address, as {@link resolveClientAddress} found it. */
    clientAddress: string;
  }
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The reverse proxies whose `X-Forwarded-For` the hub believes (`STUE_TRUST_PROXY`): addresses
 * (`10.0.0.5`, `::1`) or ranges (`10.0.0.0/24`). Throws on anything else, naming it.
 *
 * @example
 * const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/24']);
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.trim().split('/');
    const ip = plain(address);
    const prefix = Number(bits);
    const maxBits = isIP(ip) === 6 ? 128 : 32;
    if (!isIP(ip) || rest.length > 0) throw new Error(`${entry} is not an IP address or range.`);
    if (bits === undefined) list.addAddress(ip, family(ip));
    else if (Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits) {
      list.addSubnet(ip, prefix, family(ip));
    } else throw new Error(`${entry} is not an IP address or range.`);
  }
  return list;
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Requests made in-process (`app.request()` without a Node socket) have no address.
    return undefined;
  }
}

const trusts = (proxies: BlockList, address: string) =>
  isIP(address) !== 0 && proxies.check(address, family(address));

/**
 * Works out each request's client address once, for every limit and throttle. Without trusted
 * proxies it is the socket's address, and `X-Forwarded-For` is ignored: anyone can write that
 * header. With them, and only for a request whose socket is one of them, it is the right-most
 * address in `X-Forwarded-For` that is not a trusted proxy: the one the outermost proxy of ours
 * saw. Addresses to its left were written by the client, and may be anything.
 */
export function resolveClientAddress(proxies?: BlockList): MiddlewareHandler {
  return async (c, next) => {
    const socket = socketAddress(c);
    let address = socket === undefined ? 'in-process' : plain(socket);
    if (proxies && trusts(proxies, address)) {
      const forwarded = c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((hop) => plain(hop.trim()));
      for (const hop of (forwarded ?? []).reverse()) {
        // A malformed hop means the chain cannot be read further; stay with the last sure one.
        if (isIP(hop) === 0) break;
        address = hop;
        if (!trusts(proxies, hop)) break;
      }
    }
    c.set('clientAddress', address);
    await next();
  };
}

/**
 * The client's address as {@link resolveClientAddress} found it, or the socket's when that did
 * not run; `in-process` for requests made without a socket.
 */
export function clientAddress(c: Context): string {
  const resolved = c.get('clientAddress') as string | undefined;
  if (resolved) return resolved;
  const socket = socketAddress(c);
  return socket === undefined ? 'in-process' : plain(socket);
}
