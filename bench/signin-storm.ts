// The attacker of `hub-signin-storm`, in a process of its own at the lowest priority: in life the
// attacker's machine is not the hub's, so sending the storm must neither delay the measuring
// client's event loop nor take CPU from the hub that a remote attacker would not. Wrong sign-ins at a steady rate for a while, each
// for an e-mail of its own and from an address of its own (RFC 2544's benchmarking range, named
// in `X-Forwarded-For` to a hub that trusts loopback as its proxy), so no throttle stops them.
// Only the header varies; every request goes to loopback.
// Usage: node bench/signin-storm.ts URL RATE SECONDS; prints "ready" once started, begins when a
// line arrives on stdin (so the process's own start-up is not measured), and prints its counts as
// JSON on stdout.
import { once } from 'node:events';

const [url, rate, seconds] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.destroy();
const counts = { answered: 0, tooMany: 0, unexpected: 0 };
const sent: Promise<void>[] = [];
const start = performance.now();
for (let n = 1; n <= rate * seconds; n++) {
  // A steady rate: the n-th try leaves at n / rate seconds, whatever the answers take.
  const wait = start + (n * 1000) / rate - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  sent.push(
    fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `198.18.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({ email: `gaet${n}@example.dk`, password: `forkert ${n}` }),
    }).then(
      async (res) => {
        await res.arrayBuffer();
        counts.answered += 1;
        if (res.status === 429) counts.tooMany += 1;
        else if (res.status !== 401) counts.unexpected += 1;
      },
      () => {
        counts.unexpected += 1;
      },
    ),
  );
}
const sentFor = (performance.now() - start) / 1000;
await Promise.all(sent);
process.stdout.write(JSON.stringify({ ...counts, seconds: sentFor }));
