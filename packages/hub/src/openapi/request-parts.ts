// The request parts of the OpenAPI document: each operation's parameters and request body, and
// every component schema they reference (transitively), as sorted JSON. A change to the answers
// must leave them byte-identical (answers.test.ts; tools/openapi-requests.ts prints them).

/** Any JSON value. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy of `value` with every object's keys sorted, so two outputs compare line by line. */
export function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key]!)]),
  );
}

/** The names of the component schemas `value` references through `$ref`. */
function refsIn(value: Json, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') {
        found.add(inner.replace('#/components/schemas/', ''));
      } else refsIn(inner, found);
    }
  }
}

/** The request parts of an OpenAPI document: operations' parameters and bodies, and their schemas. */
export function requestParts(openApi: object): Json {
  const document = openApi as {
    paths: Record<string, Record<string, { parameters?: Json; requestBody?: Json }>>;
    components: { schemas: Record<string, Json> };
  };
  const operations: Record<string, Json> = {};
  const names = new Set<string>();
  for (const [path, ops] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const part: Record<string, Json> = {};
      if (op.parameters !== undefined) part.parameters = op.parameters;
      if (op.requestBody !== undefined) part.requestBody = op.requestBody;
      operations[`${method} ${path}`] = part;
      refsIn(part, names);
    }
  }
  const schemas: Record<string, Json> = {};
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (name in schemas) continue;
    const schema = document.components.schemas[name] ?? null;
    schemas[name] = schema;
    const inner = new Set<string>();
    refsIn(schema, inner);
    queue.push(...inner);
  }
  return sorted({ operations, schemas });
}
