// Typed domain errors. Domain code throws these; each surface (REST, Vonage, forms) maps them once.

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly fields?: Record<string, string>;
}

export class NotFound extends DomainError {
  readonly code = "not_found";
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class Forbidden extends DomainError {
  readonly code = "forbidden";
  constructor(message = "You are not allowed to do this") {
    super(message);
  }
}

export class Unauthorized extends DomainError {
  readonly code = "unauthorized";
  constructor(message = "Missing or invalid credentials") {
    super(message);
  }
}

export class Invalid extends DomainError {
  readonly code = "invalid";
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>, message?: string) {
    super(message ?? Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join("; "));
    this.fields = fields;
  }
}

// Something that exists already or a state that forbids the change (externalId taken, own → shared).
export class Conflict extends DomainError {
  readonly code = "conflict";
  constructor(message: string) {
    super(message);
  }
}

export class CreditLimitExceeded extends DomainError {
  readonly code = "credit_limit_exceeded";
  constructor(
    readonly accountId: string,
    readonly requested: bigint,
    readonly available: bigint,
    message?: string,
  ) {
    super(message ?? `Charge of ${requested} exceeds the ${available} available to account ${accountId}`);
  }
}

// A transfer the money model refuses (credit or balance not available at the source).
export class TransferRefused extends DomainError {
  readonly code = "transfer_refused";
  constructor(
    message: string,
    readonly available: bigint,
  ) {
    super(message);
  }
}

export class AccountNotActive extends DomainError {
  readonly code: "account_suspended" | "account_inactive";
  constructor(
    readonly accountId: string,
    readonly status: string,
  ) {
    super(`Account ${accountId} is ${status}`);
    this.code = status === "suspended" ? "account_suspended" : "account_inactive";
  }
}

export class AmountOutOfRange extends DomainError {
  readonly code = "amount_out_of_range";
  constructor(message = "The result would be beyond the largest amount Subledger stores") {
    super(message);
  }
}
