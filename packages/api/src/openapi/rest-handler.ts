import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, type z } from "zod";

import type { Context } from "../context";
import { toTRPCError } from "../errors";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";
import { restProcedures } from "./document";

const createCaller = createCallerFactory(appRouter);

type Route = { method: string; pattern: RegExp; params: string[]; path: string; input?: z.ZodType };

/**
 * The REST routes, read from the procedures' `openapi` meta. This small adapter (rather than
 * trpc-to-openapi's) calls the procedure through the ordinary tRPC caller, so authorisation, input
 * parsing and error mapping are exactly the procedure's, and it never rewrites the shared zod schemas.
 */
const routes: Route[] = restProcedures().map(({ path, def }) => {
  const openapi = def.meta!.openapi!;
  const params: string[] = [];
  const source = openapi.path.replace(/\/+$/, "").replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return "([^/]+)";
  });
  return {
    method: openapi.method,
    pattern: new RegExp(`^${source}/?$`, "i"),
    params,
    path,
    input: (def.inputs as z.ZodType[])[0],
  };
});

type Kind = "string" | "number" | "boolean" | "array" | "other";

/** What a field of an input object is underneath optional, default, pipe and the like. */
function kindOf(schema: z.ZodType | undefined, depth = 0): Kind {
  const def = (schema as { _zod?: { def: Record<string, unknown> & { type: string } } } | undefined)?._zod?.def;
  if (!def || depth > 10) return "other";
  switch (def.type) {
    case "string":
    case "enum":
      return "string";
    case "number":
    case "int":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return "array";
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return kindOf(def.innerType as z.ZodType, depth + 1);
    case "pipe":
      return kindOf(def.in as z.ZodType, depth + 1);
    default:
      return "other";
  }
}

function shapeOf(schema: z.ZodType | undefined, depth = 0): Record<string, z.ZodType> | null {
  const zod = (schema as { _zod?: { def: Record<string, unknown> & { type: string } } } | undefined)?._zod;
  if (!zod || depth > 10) return null;
  if (zod.def.type === "object") return zod.def.shape as Record<string, z.ZodType>;
  if (["optional", "nullable", "default", "prefault"].includes(zod.def.type))
    return shapeOf(zod.def.innerType as z.ZodType, depth + 1);
  return null;
}

/** Query strings are text: numbers and booleans are read as such where the input expects them. */
function queryInput(url: URL, schema: z.ZodType | undefined): Record<string, unknown> {
  const shape = shapeOf(schema) ?? {};
  const input: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    const kind = kindOf(shape[key]);
    const one = values[values.length - 1]!;
    if (kind === "array") input[key] = values.flatMap((value) => value.split(",")).filter(Boolean);
    else if (kind === "number" && /^-?\d+(\.\d+)?$/.test(one)) input[key] = Number(one);
    else if (kind === "boolean" && (one === "true" || one === "false")) input[key] = one === "true";
    else input[key] = one;
  }
  return input;
}

async function bodyInput(request: Request): Promise<Record<string, unknown>> {
  // JSON only: a browser cannot send it cross-site without CORS consent, so a signed-in shopper's cookie
  // cannot be ridden by another site's form.
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json." });
  const text = await request.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The request body is not valid JSON." });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new TRPCError({ code: "BAD_REQUEST", message: "The request body must be a JSON object." });
  return body as Record<string, unknown>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });

function errorResponse(cause: unknown): Response {
  const error = cause instanceof TRPCError ? cause : toTRPCError(cause);
  const zod = error.cause instanceof ZodError ? error.cause : null;
  const status = getHTTPStatusCodeFromError(error);
  return json(status, {
    code: error.code,
    message: zod ? "Some of the input is not valid." : error.message,
    issues: zod?.issues.map((issue) => ({ message: issue.message, path: issue.path.map(String) })),
  });
}

/** Answers a request under `/api/v1`, or null when it names no REST route (the caller answers 404). */
export async function handleRestRequest(
  request: Request,
  options: { prefix: string; createContext: () => Promise<Context>; onError?: (error: unknown, path: string) => void },
): Promise<Response> {
  const url = new URL(request.url);
  const subpath = url.pathname.slice(options.prefix.length) || "/";
  const matching = routes
    .map((route) => ({ route, match: route.pattern.exec(subpath) }))
    .filter((candidate) => candidate.match);
  if (matching.length === 0) return json(404, { code: "NOT_FOUND", message: `No route ${subpath}.` });
  const method = request.method === "HEAD" ? "GET" : request.method;
  const found = matching.find((candidate) => candidate.route.method === method);
  if (!found) {
    const allow = matching.map((candidate) => candidate.route.method).join(", ");
    return json(405, { code: "METHOD_NOT_SUPPORTED", message: `Use ${allow}.` }, { allow });
  }
  const { route, match } = found;
  try {
    let pathInput: Record<string, string>;
    try {
      pathInput = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match![i + 1]!)]));
    } catch {
      throw new TRPCError({ code: "BAD_REQUEST", message: "The address is not valid." });
    }
    const given = method === "GET" || method === "DELETE" ? queryInput(url, route.input) : await bodyInput(request);
    const input = { ...given, ...pathInput };
    // A procedure without input fields (stores.list) takes nothing rather than an empty object.
    const noInput = Object.keys(input).length === 0 && !shapeOf(route.input);
    const caller = createCaller(await options.createContext());
    const procedure = route.path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], caller);
    const data = await (procedure as (input?: unknown) => Promise<unknown>)(noInput ? undefined : input);
    return json(200, data);
  } catch (error) {
    const response = errorResponse(error);
    if (response.status >= 500) options.onError?.(error, route.path);
    return response;
  }
}
