// Keeps the OpenAPI document true: every route file's methods are in it and nothing else is, every $ref
// resolves, and real answers match the response schemas the document is generated from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { z } from "zod";
import * as s from "@/lib/api/schemas";
import { servedMethods } from "@/lib/api/problem";
import { routeFiles } from "@/lib/api/testing";
import { apiClient } from "@/lib/api/test-client";
import { openApiDocument } from "@/lib/openapi/document";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

describe("GET /api/v1/openapi.json", () => {
  it("is served without a key as OpenAPI 3.1", async () => {
    const r = await apiClient(server.origin).get("/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.contentType).toBe("application/json");
    expect(r.body.openapi).toBe("3.1.0");
    expect(r.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("lists exactly the methods the route files export", async () => {
    const fromFiles: string[] = [];
    for (const r of routeFiles()) {
      if (!r.pattern.startsWith("/api/v1/") || r.segments.some((seg) => seg.startsWith("[..."))) continue;
      const path = r.pattern.slice("/api".length).replace(/\[(\w+)\]/g, "{$1}");
      for (const m of servedMethods(await import(/* @vite-ignore */ r.file))) fromFiles.push(`${m} ${path}`);
    }
    const doc = openApiDocument();
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(fromDoc.sort()).toEqual(fromFiles.sort());
    expect(new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => (o as { operationId: string }).operationId))).size).toBe(fromDoc.length);
  });

  it("resolves every $ref and names every path parameter", () => {
    const doc = openApiDocument();
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    expect(text).not.toContain("#/$defs/");
    for (const [path, ops] of Object.entries(doc.paths))
      for (const op of Object.values(ops) as { parameters: { name: string; in: string }[] }[]) {
        const named = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
        expect(named, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      }
    // the request schemas are the validators: the amount bound and required fields show through
    const charge = doc.components.schemas.CreateCharge as { properties: { amount: { maximum: number; exclusiveMinimum: number } }; required: string[] };
    expect(charge.properties.amount).toMatchObject({ type: "integer", maximum: Number.MAX_SAFE_INTEGER, exclusiveMinimum: 0 });
    expect(charge.required).toEqual(["amount"]);
  });

  it("describes real answers: they parse against the response schemas with no field left over", async () => {
    const { db } = await handle;
    const t = await makeTeam(db, { balance: 1000n, creditLimit: 100n });
    const api = apiClient(server.origin, t.primaryKey);
    const strict = <T extends z.ZodObject>(schema: T, value: unknown) => expect(() => schema.strict().parse(value)).not.toThrow();

    const created = await api.post("/v1/sub-accounts", { name: "Doc", balanceMode: "own", creditLimit: 10 });
    strict(s.subAccountSchema, created.body.subAccount);
    const id = created.body.subAccount.id;
    strict(s.subAccountSchema, (await api.get(`/v1/sub-accounts/${id}`)).body.subAccount);
    strict(s.balanceSchema, (await api.get("/v1/balance")).body);
    strict(s.balanceSchema, (await api.get(`/v1/sub-accounts/${id}/balance`)).body);
    for (const k of (await api.get(`/v1/sub-accounts/${id}/api-keys`)).body.items) strict(s.apiKeySchema, k);
    strict(s.newApiKeySchema, (await api.post("/v1/api-keys", { name: "k" })).body.apiKey);
    strict(s.chargeSchema, (await api.post("/v1/charges", { amount: 5, subAccountId: id })).body.charge);
    strict(s.transferSchema, (await api.post("/v1/top-ups", { amount: 5 })).body.topUp);
    strict(s.transferSchema, (await api.post("/v1/transfers", { type: "balance", from: "primary", to: id, amount: 5 })).body.transfer);
    const today = new Date().toISOString().slice(0, 10);
    strict(s.spendReportSchema, (await api.get(`/v1/reports/spend?from=${today}&to=2100-01-01&granularity=month`)).body);
    strict(s.problemSchema, (await api.post("/v1/charges", { amount: 10_000 })).body);
    strict(s.problemSchema, (await api.post("/v1/charges", { amount: -1 })).body);
  });
});
