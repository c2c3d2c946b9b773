// The reference of `hub-p99-200rps`, in a process of its own as the hub is: a minimal `node:http`
// server that reads each POST's body and answers 201 once it has committed one nomination row in
// a transaction of its own (`bare-insert.ts`: the bare loop's row and pragmas), 404 to anything
// else. Usage: node bench/bare-insert-server.ts DIR; prints "listening on URL", and removes DIR
// when it gets SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bareDatabase } from './bare-insert.ts';

const bare = await bareDatabase(process.argv[2]!);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    bare.insert().then(
      () => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'),
      () => res.writeHead(500).end(),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void bare.close().then(() => process.exit(0));
});
