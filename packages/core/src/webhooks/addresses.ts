/**
 * Where a network address leads, for deciding whether the hub may call it: `loopback` (this
 * machine), `private` (a private, link-local, shared, multicast or unspecified range — someone's
 * internal network) or `public`.
 */
export type AddressKind = 'loopback' | 'private' | 'public';

function ipv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : undefined;
}

function ipv4Kind([a = 0, b = 0]: number[]): AddressKind {
  if (a === 127) return 'loopback';
  if (
    a === 0 ||
    a === 10 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space (carrier-grade NAT)
    (a === 169 && b === 254) || // link-local, where cloud metadata services answer
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  ) {
    return 'private';
  }
  return 'public';
}

/**
 * The kind of an IP address (`192.168.1.4`, `::1`, `[fd00::1]`) or of a host name; a name is
 * `loopback` when it is `localhost` and `public` otherwise (what it resolves to is checked when
 * it is called).
 *
 * @example
 * addressKind('10.0.0.7'); // 'private'
 * addressKind('[::1]'); // 'loopback'
 */
export function addressKind(host: string): AddressKind {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4(bare);
  if (v4) return ipv4Kind(v4);
  if (!bare.includes(':')) return 'public';
  if (bare === '::1') return 'loopback';
  if (bare === '::') return 'private';
  // An IPv4 address inside IPv6 (`::ffff:10.0.0.1`, or its hex form `::ffff:a00:1`).
  const mapped = /^::ffff:(.+)$/.exec(bare)?.[1];
  if (mapped) {
    const dotted = ipv4(mapped);
    if (dotted) return ipv4Kind(dotted);
    const [hi = '0', lo = '0'] = mapped.split(':');
    const n = (parseInt(hi, 16) << 16) | parseInt(lo, 16);
    return ipv4Kind([(n >>> 24) & 255, (n >>> 16) & 255]);
  }
  const first = parseInt(bare.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'private'; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return 'private'; // multicast
  return 'public';
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
