// A small fetch client for API tests: JSON in, status + headers + parsed body out, and a request counter.
import Zavudev from "@zavudev/sdk";

export type ApiAnswer<T = Record<string, unknown>> = { status: number; headers: Headers; body: T; contentType: string | null };

export function apiClient(origin: string, key?: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> => {
    const res = await fetch(`${origin}/api${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, contentType: res.headers.get("content-type"), body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>("GET", path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>("POST", path, body ?? {}, headers),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>("PATCH", path, body ?? {}, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>("DELETE", path, undefined, headers),
    call,
  };
}

// The Zavu SDK pointed at the test server, counting the HTTP requests it really sends (retries included).
export function zavu(origin: string, apiKey: string) {
  const sent: { method: string; url: string }[] = [];
  const client = new Zavudev({
    apiKey,
    baseURL: `${origin}/api`,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      sent.push({ method: init?.method ?? "GET", url: String(url) });
      return fetch(url, init);
    }) as typeof fetch,
  });
  return { client, sent };
}
