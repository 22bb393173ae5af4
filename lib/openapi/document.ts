// The OpenAPI 3.1 document of the native API, built from lib/openapi/operations.ts with zod 4's own JSON
// Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12). Named schemas land in components.schemas.
import { z } from "zod";
import { problemSchema } from "@/lib/api/schemas";
import { operations, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

const statusText: Record<number, string> = {
  400: "Bad request: malformed JSON, a bad query parameter or Idempotency-Key",
  401: "Missing, unknown or revoked API key, or a key of a deactivated account",
  402: "Refused by the money model: over the credit limit or more than is available (see `available`)",
  403: "Not allowed with this key, or the account is suspended or inactive",
  404: "No such resource within the key's reach",
  409: "Conflicts with the current state (sent with x-should-retry: false)",
  413: "Body larger than 64 KiB",
  422: "Invalid body; `errors` names each bad field. Also: an Idempotency-Key reused with another body",
};

function toSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $schema: _drop, $defs, ...rest } = out as JsonSchema & { $defs?: Record<string, JsonSchema> };
  void _drop;
  const rewrite = <T>(v: T): T => JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/'));
  for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= rewrite(def);
  return rewrite(rest);
}

// `{id}` names whatever the path's collection holds: the segment before it says what.
const idOf: Record<string, string> = { "sub-accounts": "Sub-account id", webhooks: "Webhook endpoint id", numbers: "Number id" };

function pathParams(path: string) {
  return [...path.matchAll(/([\w-]+)\/\{(\w+)\}/g)].map((m) => ({
    name: m[2],
    in: "path",
    required: true,
    schema: { type: "string" },
    description: m[2] === "id" ? idOf[m[1]] : m[2] === "keyId" ? "API key id" : m[2] === "deliveryId" ? "Delivery id" : undefined,
  }));
}

function queryParams(op: Operation, components: Record<string, JsonSchema>) {
  if (!op.query) return [];
  const s = toSchema(op.query, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: s.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function operationObject(op: Operation, components: Record<string, JsonSchema>) {
  const problem = { $ref: "#/components/schemas/Problem" };
  const errors = new Set<number>(op.errors ?? []);
  if (op.access !== "none") errors.add(401);
  if (op.access === "primary") errors.add(403);
  if (op.query) errors.add(400);
  if (op.body) [400, 413, 422].forEach((c) => errors.add(c));
  const write = op.method !== "get";
  const responses: Record<string, unknown> = {
    [op.success.status]: {
      description: op.success.description,
      ...(op.success.schema ? { content: { "application/json": { schema: toSchema(op.success.schema, "output", components) } } } : {}),
    },
  };
  for (const code of [...errors].sort()) responses[code] = { description: statusText[code], content: { "application/problem+json": { schema: problem } } };
  const access = op.access === "primary" ? "Needs a key of the primary account." : op.access === "any" ? "Any key of the team; a sub-account key sees only its own account." : "";
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, access].filter(Boolean).join("\n\n") || undefined,
    ...(op.access === "none" ? { security: [] } : {}),
    parameters: [
      ...pathParams(op.path),
      ...queryParams(op, components),
      ...(write
        ? [{ name: "Idempotency-Key", in: "header", required: false, description: "Same key and body: the first answer replayed. Same key, other body: 422.", schema: { type: "string", maxLength: 255 } }]
        : []),
    ],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input", components) } } } } : {}),
    responses,
  };
}

export function openApiDocument() {
  const components: Record<string, JsonSchema> = {};
  toSchema(problemSchema, "output", components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op, components);
  return {
    openapi: "3.1.0",
    info: {
      title: "Subledger API",
      version: "1.0.0",
      description:
        "Sub-accounts, keys, balances, charges, transfers and reports. Wire-compatible with Zavu's sub-accounts API: use @zavudev/sdk with baseURL <origin>/api. Amounts are integers in minor units (cents). Errors are application/problem+json.",
    },
    servers: [{ url: "/api" }],
    security: [{ bearer: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key: Authorization: Bearer sl_live_…" } } },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
