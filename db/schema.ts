// The one schema of Subledger, shared by PGlite and Postgres. Money is bigint minor units everywhere.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  integer,
} from "drizzle-orm/pg-core";

const money = (name: string) => bigint(name, { mode: "bigint" });
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  portalName: text("portal_name"),
  portalAccent: text("portal_accent"),
  lowBalanceThreshold: money("low_balance_threshold"),
  alertThresholds: jsonb("alert_thresholds").$type<number[]>().notNull().default(sql`'[50,80,100]'::jsonb`),
  // set once at creation; the ledger reads them to find where counter-entries go
  primaryAccountId: text("primary_account_id").notNull(),
  paymentsAccountId: text("payments_account_id").notNull(),
  revenueAccountId: text("revenue_account_id").notNull(),
  createdAt: createdAt(),
});

export type AccountKind = "primary" | "sub" | "system";
export type BalanceMode = "shared" | "own";
export type AccountStatus = "active" | "suspended" | "deactivated";

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    teamId: text("team_id").notNull().references(() => teams.id),
    kind: text("kind").$type<AccountKind>().notNull(),
    // system accounts: "payments" (money in) and "revenue" (usage); null for customer-facing accounts
    systemRole: text("system_role").$type<"payments" | "revenue">(),
    parentId: text("parent_id"),
    balanceMode: text("balance_mode").$type<BalanceMode>().notNull().default("own"),
    status: text("status").$type<AccountStatus>().notNull().default("active"),
    name: text("name").notNull(),
    externalId: text("external_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    balance: money("balance").notNull().default(sql`0`),
    creditLimit: money("credit_limit"),
    totalSpent: money("total_spent").notNull().default(sql`0`),
    customerKeysAllowed: boolean("customer_keys_allowed").notNull().default(true),
    // per-sub-account alert marks (percent of credit-limit use); null means the team's defaults
    alertThresholds: jsonb("alert_thresholds").$type<number[]>(),
    deleteAfter: timestamp("delete_after", { withTimezone: true, mode: "date" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_team_external_id").on(t.teamId, t.externalId),
    index("accounts_team_seq").on(t.teamId, t.seq),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    accountId: text("account_id").notNull().references(() => accounts.id),
    teamId: text("team_id").notNull().references(() => teams.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    environment: text("environment").$type<"live" | "test">().notNull().default("live"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.hash), index("api_keys_account").on(t.accountId)],
);

export type TransactionKind = "charge" | "top_up" | "balance_transfer" | "credit_transfer" | "reversal";

// Append-only. One row per money movement; credit transfers have no entries (they move limits, not money).
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    // by default, so a batch can reserve its ids with nextval and insert many rows in one statement
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedByDefaultAsIdentity(),
    teamId: text("team_id").notNull().references(() => teams.id),
    kind: text("kind").$type<TransactionKind>().notNull(),
    // the account the movement is about: the charged account, the transfer's source, the topped-up primary
    accountId: text("account_id").notNull().references(() => accounts.id),
    counterpartyId: text("counterparty_id").references(() => accounts.id),
    amount: money("amount").notNull(),
    description: text("description"),
    reference: text("reference"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    reversesId: bigint("reverses_id", { mode: "bigint" }),
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_tx_account_idempotency").on(t.accountId, t.idempotencyKey),
    index("ledger_tx_team_kind_id").on(t.teamId, t.kind, t.id),
    index("ledger_tx_account_id").on(t.accountId, t.id),
    index("ledger_tx_counterparty_id").on(t.counterpartyId, t.id),
  ],
);

export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: bigint("transaction_id", { mode: "bigint" }).notNull().references(() => ledgerTransactions.id),
    accountId: text("account_id").notNull().references(() => accounts.id),
    amount: money("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ledger_entries_tx").on(t.transactionId), index("ledger_entries_account").on(t.accountId)],
);

export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

export type Role = "owner" | "admin" | "viewer" | "customer";

export const memberships = pgTable(
  "memberships",
  {
    userId: text("user_id").notNull().references(() => users.id),
    teamId: text("team_id").notNull().references(() => teams.id),
    role: text("role").$type<Role>().notNull(),
    // customers are bound to one sub-account
    accountId: text("account_id").references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").notNull().references(() => teams.id),
  tokenHash: text("token_hash").notNull().unique(),
  role: text("role").$type<Role>().notNull(),
  accountId: text("account_id").references(() => accounts.id),
  createdBy: text("created_by"),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: text("team_id").notNull().references(() => teams.id),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_team_id").on(t.teamId, t.id)],
);

export const numbers = pgTable(
  "numbers",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id").notNull().references(() => teams.id),
    accountId: text("account_id").notNull().references(() => accounts.id),
    number: text("number").notNull(),
    country: char("country", { length: 2 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("numbers_team_number_country").on(t.teamId, t.number, t.country)],
);

// Outbox: events are written in the transaction that caused them; delivery reads them later.
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: text("team_id").notNull().references(() => teams.id),
    type: text("type").notNull(),
    accountId: text("account_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    // set once the webhook fan-out has made this event's delivery rows
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("events_team_id").on(t.teamId, t.id),
    index("events_undispatched").on(t.id).where(sql`dispatched_at is null`),
  ],
);

// Which alert marks an account is currently past, so each crossing fires once and re-arms below it.
export const alertStates = pgTable(
  "alert_states",
  {
    accountId: text("account_id").notNull().references(() => accounts.id),
    mark: text("mark").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.mark] })],
);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  teamId: text("team_id").notNull().references(() => teams.id),
  url: text("url").notNull(),
  events: jsonb("events").$type<string[]>().notNull(),
  secret: text("secret").notNull(),
  active: boolean("active").notNull().default(true),
  description: text("description"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: text("endpoint_id").notNull().references(() => webhookEndpoints.id),
    eventId: bigint("event_id", { mode: "bigint" }).notNull().references(() => events.id),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseCode: integer("response_code"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_id").on(t.endpointId, t.id),
    uniqueIndex("webhook_deliveries_endpoint_event").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
  ],
);

// Failed dashboard sign-ins per email, counted over a window to refuse guessing (shared by every app process).
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_failures_email_at").on(t.email, t.createdAt)],
);
