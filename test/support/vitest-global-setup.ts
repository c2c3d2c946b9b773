import { dropTestSchemas } from '../../packages/hub/src/db/database.test-support.js';

// When the hub's suite runs on PostgreSQL, each test makes a schema of its own; this clears the
// ones an earlier run left behind.
export async function setup() {
  const url = process.env.STUE_TEST_DATABASE_URL;
  if (url) await dropTestSchemas(url);
}
