// The API reference: the served OpenAPI document rendered on the server, no client script (the CSP stays strict).
import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";
import { SchemaView, type JsonSchema } from "./schema-view";

export const metadata: Metadata = { title: "API reference · Subledger" };

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type OperationObject = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const methodColour: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  patch: "bg-amber-100 text-amber-800",
  put: "bg-amber-100 text-amber-800",
  delete: "bg-rose-100 text-rose-800",
};

function typeLabel(s: JsonSchema): string {
  if (s.$ref) return String(s.$ref).split("/").pop()!;
  if (s.anyOf) return (s.anyOf as JsonSchema[]).map(typeLabel).filter((t, i, all) => all.indexOf(t) === i).join(" | ");
  if (s.enum) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return String(s.type ?? "any");
}

export default function ApiReferencePage() {
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path, method, op: op as OperationObject })),
  );
  const tags = doc.tags.map((t) => t.name);
  const schemas = doc.components.schemas as Record<string, JsonSchema>;

  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-6 py-10">
      <nav className="sticky top-10 hidden h-[calc(100vh-5rem)] w-64 shrink-0 overflow-y-auto text-sm lg:block" aria-label="Endpoints">
        <a href="#top" className="mb-4 block font-semibold">
          Subledger API
        </a>
        {tags.map((tag) => (
          <div key={tag} className="mb-4">
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{tag}</p>
            <ul className="space-y-1">
              {ops
                .filter((o) => o.op.tags.includes(tag))
                .map(({ method, op }) => (
                  <li key={op.operationId}>
                    <a href={`#${op.operationId}`} className="flex gap-2 text-slate-700 hover:text-slate-950">
                      <span className="w-12 shrink-0 font-mono text-[10px] uppercase text-slate-500">{method}</span>
                      <span className="truncate">{op.summary}</span>
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <a href="#schemas" className="block text-slate-700 hover:text-slate-950">
          Schemas
        </a>
      </nav>

      <main className="min-w-0 flex-1" id="top">
        <header className="mb-10 border-b border-slate-200 pb-6">
          <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
          <p className="mt-1 text-sm text-slate-500">
            Version {doc.info.version} · OpenAPI {doc.openapi} ·{" "}
            <a className="underline" href="/api/v1/openapi.json">
              openapi.json
            </a>
          </p>
          <p className="mt-4 max-w-3xl text-slate-700">{doc.info.description}</p>
          <div className="mt-4 max-w-3xl space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <p>
              <strong>Authentication.</strong> Send an API key as <code className="font-mono">Authorization: Bearer sl_live_…</code>. A primary-account
              key manages the whole team; a sub-account key sees and spends only its own account.
            </p>
            <p>
              <strong>Idempotency.</strong> Every POST, PATCH and DELETE accepts an <code className="font-mono">Idempotency-Key</code> header: the same
              key with the same body answers the first response again; with another body, 422.
            </p>
            <p>
              <strong>Errors.</strong> <code className="font-mono">application/problem+json</code> with <code className="font-mono">type, title, status,
              detail, code, message</code>, and <code className="font-mono">errors</code> naming each bad field.
            </p>
            <p>
              <strong>Pagination.</strong> Lists answer <code className="font-mono">{"{ items, nextCursor }"}</code>, newest first; pass{" "}
              <code className="font-mono">cursor=nextCursor</code> for the next page until it is null.
            </p>
          </div>
        </header>

        {tags.map((tag) => (
          <section key={tag} className="mb-12">
            <h2 className="mb-4 text-xl font-semibold">{tag}</h2>
            <div className="space-y-8">
              {ops
                .filter((o) => o.op.tags.includes(tag))
                .map(({ path, method, op }) => (
                  <article key={op.operationId} id={op.operationId} className="scroll-mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                    <h3 className="flex flex-wrap items-center gap-3">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${methodColour[method]}`}>{method}</span>
                      <code className="font-mono text-sm">/api{path}</code>
                    </h3>
                    <p className="mt-2 font-medium">{op.summary}</p>
                    {op.description?.split("\n\n").map((para, i) => (
                      <p key={i} className="mt-2 max-w-3xl text-sm text-slate-600">
                        {para}
                      </p>
                    ))}

                    {op.parameters.length > 0 && (
                      <div className="mt-4">
                        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
                        <table className="w-full text-left text-sm">
                          <tbody className="divide-y divide-slate-100">
                            {op.parameters.map((p) => (
                              <tr key={`${p.in}-${p.name}`}>
                                <td className="py-1.5 pr-4 font-mono">
                                  {p.name}
                                  {p.required && <span className="text-rose-600">*</span>}
                                </td>
                                <td className="py-1.5 pr-4 text-slate-500">{p.in}</td>
                                <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">{typeLabel(p.schema)}</td>
                                <td className="py-1.5 text-slate-600">{p.description ?? (p.schema.description as string | undefined)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}

                    {op.requestBody && (
                      <div className="mt-4">
                        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Request body (application/json)</h4>
                        <SchemaView schema={op.requestBody.content["application/json"].schema} schemas={schemas} />
                      </div>
                    )}

                    <div className="mt-4">
                      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
                      <ul className="space-y-2 text-sm">
                        {Object.entries(op.responses).map(([status, r]) => {
                          const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
                          return (
                            <li key={status}>
                              <span className={`mr-2 font-mono font-semibold ${Number(status) < 300 ? "text-emerald-700" : "text-rose-700"}`}>{status}</span>
                              <span className="text-slate-600">{r.description}</span>
                              {media && Number(status) < 300 && (
                                <div className="mt-1">
                                  <p className="font-mono text-xs text-slate-400">{type}</p>
                                  <SchemaView schema={media.schema} schemas={schemas} />
                                </div>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  </article>
                ))}
            </div>
          </section>
        ))}

        <section id="schemas" className="scroll-mt-6">
          <h2 className="mb-4 text-xl font-semibold">Schemas</h2>
          <div className="space-y-6">
            {Object.entries(schemas).map(([name, schema]) => (
              <div key={name} id={`schema-${name}`} className="scroll-mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h3 className="mb-2 font-mono font-semibold">{name}</h3>
                <SchemaView schema={schema} schemas={schemas} expandRefs />
              </div>
            ))}
          </div>
        </section>
      </main>
    </div>
  );
}
