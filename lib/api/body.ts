// Reading request bodies: at most 64 KiB, JSON only, every bad field named.
import type { z } from "zod";
import { HttpError } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

// A request the production server has read itself (scripts/start.ts): its body arrives as bytes rather than as a
// stream, which costs more to read back than the charge it carries; no web Request is built for it at all.
export type DirectRequest = { url: string; method: string; headers: { get(name: string): string | null }; readBody: Buffer };
export type ApiRequest = Request | DirectRequest;

const tooLarge = () => new HttpError(413, "payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);

export async function readText(req: ApiRequest): Promise<string> {
  if ("readBody" in req) {
    if (req.readBody.length > MAX_BODY_BYTES) throw tooLarge();
    return req.readBody.toString("utf8");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJsonText(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "malformed_json", "The request body is not valid JSON");
  }
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join(".") : "body";
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out[[...issue.path, k].join(".")] = "is not a field this endpoint accepts";
      continue;
    }
    out[path] ??= issue.message;
  }
  return out;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, status = 422): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const fields = fieldErrors(r.error);
    throw new HttpError(status, "validation_failed", Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join("; "), fields);
  }
  return r.data;
}

export function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  const json = parseJsonText(text);
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new HttpError(400, "malformed_json", "The request body must be a JSON object");
  return parseWith(schema, json);
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  return parseWith(schema, params, 400);
}
