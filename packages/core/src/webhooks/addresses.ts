/**
 * Where a network address leads, for deciding whether the hub may call it: `loopback` (this
 * machine), `private` (a private, link-local, shared, multicast or unspecified range — someone's
 * internal network) or `public`.
 */
export type AddressKind = 'loopback' | 'private' | 'public';

type Range = readonly [prefix: readonly number[], bits: number, kind: AddressKind];

// IPv4 ranges that are not the public internet (IANA's special-purpose registry). The
// documentation ranges (192.0.2/24 and others) lead nowhere and are left public.
const IPV4_RANGES: readonly Range[] = [
  [[127], 8, 'loopback'],
  [[0], 8, 'private'], // "this network"; 0.0.0.0 reaches this machine on Linux
  [[10], 8, 'private'],
  [[100, 64], 10, 'private'], // shared address space (carrier-grade NAT)
  [[169, 254], 16, 'private'], // link-local, where cloud metadata services answer
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'private'], // IETF protocol assignments
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'private'], // benchmarking networks
  [[224], 3, 'private'], // multicast 224/4, reserved 240/4, broadcast
];

// Whether the first `bits` bits of `bytes` are those of `prefix`.
function within(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Kind(bytes: readonly number[]): AddressKind {
  const range = IPV4_RANGES.find(([prefix, bits]) => within(bytes, prefix, bits));
  return range?.[2] ?? 'public';
}

// An IPv4 address carried inside an IPv6 one that is not itself IPv4-mapped: it is reached
// through a translator or tunnel, if at all, so its loopback is refused as private too.
function carriedKind(bytes: readonly number[]): AddressKind {
  const kind = ipv4Kind(bytes);
  return kind === 'loopback' ? 'private' : kind;
}

// The 16 bytes of an IPv6 address as the URL parser writes it: hexadecimal pieces, at most one
// `::`, never an embedded dotted IPv4 address.
function ipv6Bytes(text: string): number[] {
  const [head = '', tail] = text.split('::');
  const pieces = (part: string | undefined) =>
    part ? part.split(':').map((piece) => parseInt(piece, 16)) : [];
  const left = pieces(head);
  const right = pieces(tail);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function ipv6Kind(bytes: readonly number[]): AddressKind {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const last4 = bytes.slice(12);
  if (zero(0, 15) && bytes[15] === 1) return 'loopback'; // ::1
  // IPv4-mapped ::ffff:a.b.c.d: a socket connects to the IPv4 address itself.
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return ipv4Kind(last4);
  // IPv4-compatible ::a.b.c.d (deprecated, never routed) and the unspecified address ::.
  if (zero(0, 12)) return 'private';
  // IPv4-translated ::ffff:0:a.b.c.d (RFC 6145) and NAT64 64:ff9b::a.b.c.d (RFC 6052), which a
  // DNS64 resolver gives for IPv4-only names: the IPv4 address decides.
  if (zero(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(10, 12)) {
    return carriedKind(last4);
  }
  if (within(bytes, [0x00, 0x64, 0xff, 0x9b], 32) && zero(4, 12)) return carriedKind(last4);
  // 6to4 2002:AABB:CCDD::/48 carries a.b.c.d in its second and third pieces.
  if (within(bytes, [0x20, 0x02], 16)) return carriedKind(bytes.slice(2, 6));
  // Everything outside global unicast 2000::/3: unique local fc00::/7, link-local fe80::/10,
  // site-local fec0::/10, multicast ff00::/8, NAT64 local use 64:ff9b:1::/48, discard 100::/64.
  if (!within(bytes, [0x20], 3)) return 'private';
  // IETF protocol assignments 2001::/23: Teredo 2001::/32 (which tunnels to an IPv4 address),
  // benchmarking, ORCHID.
  if (within(bytes, [0x20, 0x01, 0x00, 0x00], 23)) return 'private';
  return 'public';
}

// The host as the WHATWG URL parser reads it, which is what `fetch` and the hub connect to:
// IPv4 in any spelling (`167772161`, `0xa.0.0.1`, `012.0.0.1`, `10.1`) becomes dotted decimal,
// IPv6 becomes lower-case compressed hexadecimal in brackets. `undefined` when it is no host.
function parsedHost(host: string): string | undefined {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === '' || /[\s/\\?#@[\]]/.test(bare)) return undefined;
  try {
    return new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The kind of an IP address or of a host name, however it is written: IPv4 in any spelling the
 * URL parser accepts (`10.0.0.1`, `167772161`, `0xa.0.0.1`, `012.0.0.1`, `10.1`), IPv6 with or
 * without brackets, and IPv6 forms that carry an IPv4 address — IPv4-mapped (`::ffff:10.0.0.1`,
 * `::ffff:a00:1`), IPv4-compatible (`::a00:1`, always private), NAT64 (`64:ff9b::a00:1`), 6to4
 * (`2002:a00:1::`) — which count as the IPv4 address they carry (a carried loopback as private).
 * Outside IPv6 global unicast (`2000::/3`), and Teredo and the other IETF assignments in
 * `2001::/23`, everything is private. A name is `loopback` when it is `localhost` (or ends in
 * `.localhost`) and `public` otherwise: what it resolves to is checked when it is called. What
 * cannot be read as a host is `private`, so it is never called.
 *
 * @example
 * addressKind('10.0.0.7'); // 'private'
 * addressKind('[::1]'); // 'loopback'
 * addressKind('64:ff9b::a00:1'); // 'private' – 10.0.0.1 through NAT64
 */
export function addressKind(host: string): AddressKind {
  const parsed = parsedHost(host);
  if (parsed === undefined) return 'private';
  const name = parsed.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (parsed.startsWith('[')) return ipv6Kind(ipv6Bytes(parsed.slice(1, -1)));
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(parsed);
  return v4 ? ipv4Kind(v4.slice(1).map(Number)) : 'public';
}

/**
 * What is wrong with a webhook URL, or `undefined` when the hub may call it: it must be `https`
 * (plain `http` only to this machine's loopback), carry no credentials or fragment, and not name
 * an address in a private network. Names that resolve into one are refused when called.
 *
 * @example
 * webhookUrlProblem('https://api.example.dk/stue'); // undefined
 * webhookUrlProblem('http://api.example.dk/stue'); // 'invalid_webhook_url'
 * webhookUrlProblem('https://192.168.1.10/hook'); // 'webhook_private_address'
 */
export function webhookUrlProblem(
  text: string,
): 'invalid_webhook_url' | 'webhook_private_address' | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid_webhook_url';
  }
  if (/\s/.test(text) || url.username !== '' || url.password !== '' || url.hash !== '') {
    return 'invalid_webhook_url';
  }
  const kind = addressKind(url.hostname);
  if (url.protocol === 'http:' && kind === 'loopback') return undefined;
  if (url.protocol !== 'https:') return 'invalid_webhook_url';
  return kind === 'private' ? 'webhook_private_address' : undefined;
}
