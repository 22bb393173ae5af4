// The reference page renders the whole document on the server: every operation, parameter and schema.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import ApiReferencePage from "./page";

describe("/docs/api", () => {
  it("shows every endpoint, its parameters and every named schema, with no script", () => {
    const html = renderToStaticMarkup(createElement(ApiReferencePage));
    const doc = openApiDocument();
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(html).toContain(`/api${path}`);
      for (const op of Object.values(ops) as { operationId: string }[]) expect(html).toContain(`id="${op.operationId}"`);
    }
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    expect(html).toContain("Idempotency-Key");
    expect(html).toContain("subAccountId");
    expect(html).not.toContain("<script");
  });
});
