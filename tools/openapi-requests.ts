// Prints the request parts of the built hub's OpenAPI document as sorted JSON (see
// packages/hub/src/openapi/request-parts.ts), to compare two versions of the document:
//
//   pnpm --filter @stue/hub build && node tools/openapi-requests.ts > /tmp/requests.json
import { openApiDocument } from '../packages/hub/dist/openapi/document.js';
import { requestParts } from '../packages/hub/dist/openapi/request-parts.js';

process.stdout.write(`${JSON.stringify(requestParts(openApiDocument('0')), null, 2)}\n`);
