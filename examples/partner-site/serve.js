// Serves this folder's index.html on http://127.0.0.1:8080 (PORT overrides), so the example runs
// on an origin of its own, as a partner's site would, beside a hub on http://127.0.0.1:8787.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const page = await readFile(new URL('./index.html', import.meta.url));

createServer((req, res) => {
  if (req.url !== '/' && req.url !== '/index.html') return res.writeHead(404).end('Not found');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}).listen(port, '127.0.0.1', () => {
  console.log(`Partner-site example on http://127.0.0.1:${port}/ (start the hub with pnpm start)`);
});
