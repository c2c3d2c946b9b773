// A partner's server with the secret key: it lists the organisation's own nominations, registers
// a webhook endpoint on this machine, and checks every webhook's signature with @stue/core before
// believing it. Run `pnpm start` at the repository root first (demo mode has the secret key
// `sk_demo`); STUE_API, STUE_SECRET_KEY and PORT point elsewhere. Stop it with Ctrl-C: the
// endpoint is removed again.
import { createServer } from 'node:http';
import { WEBHOOK_EVENTS } from '@stue/core';
import {
  listPartnerNominations,
  registerWebhook,
  removeWebhook,
  verifyWebhook,
} from '@stue/core/client';

const client = {
  api: process.env.STUE_API ?? 'http://127.0.0.1:8787/',
  // The secret key lives on the server, never in a web page: the hub refuses it from a browser.
  key: process.env.STUE_SECRET_KEY ?? 'sk_demo',
};

const { items } = await listPartnerNominations(client, { limit: 100 });
console.log(`Own nominations: ${items.length}`);
for (const item of items) console.log(`  ${item.reference} ${item.status}`);

let secret = '';
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  // Verify the body exactly as it arrived, before parsing it.
  const body = Buffer.concat(chunks);
  try {
    const event = await verifyWebhook(secret, req.headers, body);
    const change =
      event.type === 'nomination.status_changed'
        ? `${event.data.from} → ${event.data.to}`
        : `${event.data.status}, ${event.data.start}`;
    console.log(`Verified ${event.type}: ${event.data.reference} (${change})`);
    res.writeHead(204).end();
  } catch (error) {
    // Not from the hub (or too old): refuse, and the hub's log shows the 400.
    console.log(`Refused a webhook: ${error.code}`);
    res.writeHead(400).end();
  }
});
await new Promise((resolve) =>
  server.listen(Number(process.env.PORT ?? 8790), '127.0.0.1', resolve),
);
const url = `http://127.0.0.1:${server.address().port}/stue-events`;

// Plain http is allowed to loopback only; a real endpoint is https on a public address.
const endpoint = await registerWebhook(client, { url, events: [...WEBHOOK_EVENTS] });
// The secret is shown this once: a real server keeps it with its configuration.
secret = endpoint.secret;
console.log(`Listening for webhooks on ${url}`);

const stop = async () => {
  await removeWebhook(client, endpoint.id);
  server.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
