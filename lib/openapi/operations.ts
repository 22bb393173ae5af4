// Every operation of the native API, described with the very zod schemas its route handler validates with.
// A test (app/api/v1/openapi.json/route.test.ts) keeps this list and the route files in step.
import { z } from "zod";
import * as s from "@/lib/api/schemas";
import { webhookOperations } from "@/lib/webhooks/openapi";
import { addNumberBody, assignNumberBody, listNumbersQuery } from "@/lib/numbers/schemas";

export type Method = "get" | "post" | "patch" | "delete" | "put";
export type Access = "none" | "any" | "primary";

export type Operation = {
  method: Method;
  path: string; // OpenAPI style, relative to /api: /v1/sub-accounts/{id}
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  // the answer on success: status, description and (unless 204) its schema
  success: { status: number; description: string; schema?: z.ZodType };
  // refusals this operation may answer besides 401 (and 400/422 where it reads input)
  errors?: number[];
};

const subAccountEnvelope = z.object({ subAccount: s.subAccountSchema });
const apiKeyList = s.pageOf(s.apiKeySchema);
const newKeyEnvelope = z.object({ apiKey: s.newApiKeySchema });
// mirrors lib/numbers/number-json.ts
const numberSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: "Digits only, as Vonage writes it" }),
    country: z.string(),
    accountId: z.string(),
    subAccountId: z.string().nullable().meta({ description: "null while the primary holds it" }),
    createdAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "PhoneNumber" });

export const operations: Operation[] = [
  {
    method: "get",
    path: "/v1/balance",
    operationId: "getBalance",
    tag: "Balance",
    summary: "Balance of the key's own account",
    description: "A shared sub-account shows the primary's balance, which it draws on, and its own cap and spend.",
    access: "any",
    success: { status: 200, description: "The balance", schema: s.balanceSchema },
  },
  {
    method: "get",
    path: "/v1/sub-accounts",
    operationId: "listSubAccounts",
    tag: "Sub-accounts",
    summary: "List sub-accounts, newest first",
    access: "primary",
    query: s.pageQuery,
    success: { status: 200, description: "One page", schema: s.pageOf(s.subAccountSchema) },
  },
  {
    method: "post",
    path: "/v1/sub-accounts",
    operationId: "createSubAccount",
    tag: "Sub-accounts",
    summary: "Create a sub-account with its first API key",
    description: "The answer's subAccount.apiKey is the key itself, shown this once. balanceMode \"own\" gives the sub-account its own balance; its creditLimit is then credit transferred from the primary.",
    access: "primary",
    body: s.createSubAccountBody,
    success: { status: 201, description: "Created", schema: subAccountEnvelope },
    errors: [402, 409],
  },
  {
    method: "get",
    path: "/v1/sub-accounts/{id}",
    operationId: "getSubAccount",
    tag: "Sub-accounts",
    summary: "Retrieve a sub-account",
    description: "A sub-account key may read only its own account.",
    access: "any",
    success: { status: 200, description: "The sub-account", schema: subAccountEnvelope },
    errors: [404],
  },
  {
    method: "patch",
    path: "/v1/sub-accounts/{id}",
    operationId: "updateSubAccount",
    tag: "Sub-accounts",
    summary: "Update a sub-account",
    description:
      "Name, externalId, metadata, creditLimit (null removes the cap of a shared sub-account; on an own-balance one the change is a credit transfer), status active|inactive|suspended, suspended true|false, balanceMode \"own\" (shared to own only).",
    access: "primary",
    body: s.updateSubAccountBody,
    success: { status: 200, description: "The updated sub-account", schema: subAccountEnvelope },
    errors: [402, 404, 409],
  },
  {
    method: "delete",
    path: "/v1/sub-accounts/{id}",
    operationId: "deactivateSubAccount",
    tag: "Sub-accounts",
    summary: "Deactivate a sub-account",
    description: "Revokes every key and returns a positive own balance to the primary. Reversible: PATCH status \"active\", then create a key.",
    access: "primary",
    success: {
      status: 200,
      description: "Deactivated",
      schema: z.object({ keysRevoked: z.number().int(), balanceReturned: z.number().int(), message: z.string() }),
    },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/sub-accounts/{id}/balance",
    operationId: "getSubAccountBalance",
    tag: "Sub-accounts",
    summary: "Balance of a sub-account",
    access: "any",
    success: { status: 200, description: "The balance", schema: s.balanceSchema },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/sub-accounts/{id}/api-keys",
    operationId: "listSubAccountApiKeys",
    tag: "API keys",
    summary: "List a sub-account's API keys (revoked ones included)",
    access: "primary",
    query: s.pageQuery,
    success: { status: 200, description: "The keys, newest first", schema: apiKeyList },
    errors: [404],
  },
  {
    method: "post",
    path: "/v1/sub-accounts/{id}/api-keys",
    operationId: "createSubAccountApiKey",
    tag: "API keys",
    summary: "Create an API key for a sub-account",
    description: "Several keys may be live at once, so keys rotate without downtime. The key is shown this once.",
    access: "primary",
    body: s.createApiKeyBody,
    success: { status: 201, description: "Created", schema: newKeyEnvelope },
    errors: [404],
  },
  {
    method: "delete",
    path: "/v1/sub-accounts/{id}/api-keys/{keyId}",
    operationId: "revokeSubAccountApiKey",
    tag: "API keys",
    summary: "Revoke a sub-account's API key",
    access: "primary",
    success: { status: 204, description: "Revoked" },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/api-keys",
    operationId: "listApiKeys",
    tag: "API keys",
    summary: "List the primary account's API keys",
    access: "primary",
    query: s.pageQuery,
    success: { status: 200, description: "The keys, newest first", schema: apiKeyList },
  },
  {
    method: "post",
    path: "/v1/api-keys",
    operationId: "createApiKey",
    tag: "API keys",
    summary: "Create an API key for the primary account",
    access: "primary",
    body: s.createApiKeyBody,
    success: { status: 201, description: "Created", schema: newKeyEnvelope },
  },
  {
    method: "delete",
    path: "/v1/api-keys/{keyId}",
    operationId: "revokeApiKey",
    tag: "API keys",
    summary: "Revoke one of the primary account's API keys",
    access: "primary",
    success: { status: 204, description: "Revoked" },
    errors: [404],
  },
  {
    method: "post",
    path: "/v1/charges",
    operationId: "createCharge",
    tag: "Charges",
    summary: "Record usage: charge an account",
    description:
      "A primary key charges itself, or a sub-account with subAccountId; a sub-account key charges itself. Admitted atomically: never partly, never past the limit. The body's idempotencyKey makes the charge itself idempotent per account.",
    access: "any",
    body: s.chargeBody,
    success: { status: 201, description: "Charged", schema: z.object({ charge: s.chargeSchema }) },
    errors: [402, 404, 409],
  },
  {
    method: "get",
    path: "/v1/charges",
    operationId: "listCharges",
    tag: "Charges",
    summary: "List charges, newest first",
    description: "A sub-account key sees only its own charges. from is inclusive, to exclusive.",
    access: "any",
    query: s.chargeListQuery,
    success: { status: 200, description: "One page", schema: s.pageOf(s.chargeSchema) },
    errors: [404],
  },
  {
    method: "post",
    path: "/v1/top-ups",
    operationId: "createTopUp",
    tag: "Transfers",
    summary: "Record a payment into the primary's balance",
    access: "primary",
    body: s.topUpBody,
    success: { status: 201, description: "Recorded", schema: z.object({ topUp: s.transferSchema }) },
  },
  {
    method: "post",
    path: "/v1/transfers",
    operationId: "createTransfer",
    tag: "Transfers",
    summary: "Move credit or balance between the primary and an own-balance sub-account",
    description:
      "credit: from.creditLimit -= amount, to.creditLimit += amount, allowed while the source's remaining credit covers its debt. balance: from.balance -= amount, to.balance += amount, allowed while the source stays within its credit limit.",
    access: "primary",
    body: s.transferBody,
    success: { status: 201, description: "Moved", schema: z.object({ transfer: s.transferSchema }) },
    errors: [402, 403, 404],
  },
  {
    method: "get",
    path: "/v1/transfers",
    operationId: "listTransfers",
    tag: "Transfers",
    summary: "List transfers and top-ups, newest first",
    access: "any",
    query: s.transferListQuery,
    success: { status: 200, description: "One page", schema: s.pageOf(s.transferSchema) },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/reports/spend",
    operationId: "spendReport",
    tag: "Reports",
    summary: "Spend per period and per account",
    description: "Every UTC day or month of [from, to) is present, zero where nothing was spent. A sub-account key sees only its own spend.",
    access: "any",
    query: s.spendReportQuery,
    success: { status: 200, description: "The report", schema: s.spendReportSchema },
    errors: [404],
  },
  ...webhookOperations,
  {
    method: "get",
    path: "/v1/numbers",
    operationId: "listNumbers",
    tag: "Numbers",
    summary: "List phone numbers",
    description: "A sub-account key sees only its own numbers.",
    access: "any",
    query: listNumbersQuery,
    success: { status: 200, description: "One page", schema: s.pageOf(numberSchema) },
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/v1/numbers",
    operationId: "addNumber",
    tag: "Numbers",
    summary: "Add a phone number to the team, optionally held by a sub-account",
    access: "primary",
    body: addNumberBody,
    success: { status: 201, description: "Added", schema: z.object({ number: numberSchema }) },
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/v1/numbers/{id}/assign",
    operationId: "assignNumber",
    tag: "Numbers",
    summary: "Move a number to a sub-account, or back to the primary with null",
    access: "primary",
    body: assignNumberBody,
    success: { status: 200, description: "Moved", schema: z.object({ number: numberSchema }) },
    errors: [404, 409],
  },
  {
    method: "get",
    path: "/v1/openapi.json",
    operationId: "openapi",
    tag: "Meta",
    summary: "This document",
    access: "none",
    success: { status: 200, description: "OpenAPI 3.1", schema: z.object({ openapi: z.string() }).loose() },
  },
];
