import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * The one way the journeys call the shared router over HTTP, as the apps' tRPC client does: a query is
 * `GET /api/trpc/<path>?input=…`, a mutation `POST /api/trpc/<path>`, both with superjson's `{ json }`
 * envelope. The request context decides who calls (a page's `page.request` carries its cookies).
 */

type Headers = Record<string, string>;

/** The address of a query; with no input, the bare procedure path. */
export function trpcUrl(appUrl: string, path: string, input?: unknown): string {
  const base = `${appUrl}/api/trpc/${path}`;
  return input === undefined ? base : `${base}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Sends a query and hands back the raw answer, for journeys that look at the status or the error. */
export function trpcGet(request: APIRequestContext, appUrl: string, path: string, input?: unknown, headers?: Headers) {
  return request.get(trpcUrl(appUrl, path, input), { headers });
}

/** Sends a mutation and hands back the raw answer. */
export function trpcPost(request: APIRequestContext, appUrl: string, path: string, input: unknown, headers?: Headers) {
  return request.post(trpcUrl(appUrl, path), { data: { json: input }, headers });
}

/** The data of a successful answer; anything else fails the journey with the path, status and body. */
async function dataOf<T>(path: string, response: APIResponse): Promise<T> {
  const text = await response.text();
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${text}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

/** A query of the shared router through one app; throws with the error body. */
export async function trpcQuery<T>(
  request: APIRequestContext,
  appUrl: string,
  path: string,
  input: unknown,
  headers?: Headers,
): Promise<T> {
  return dataOf<T>(path, await trpcGet(request, appUrl, path, input, headers));
}

/** A mutation of the shared router through one app; throws with the error body. */
export async function trpcMutation<T>(
  request: APIRequestContext,
  appUrl: string,
  path: string,
  input: unknown,
  headers?: Headers,
): Promise<T> {
  return dataOf<T>(path, await trpcPost(request, appUrl, path, input, headers));
}
