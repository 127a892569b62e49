import type { AnyProcedure } from "@trpc/server";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";

import { appRouter } from "../root";
import type { Meta } from "../trpc";
import { restAnswers } from "./outputs";

type Definition = AnyProcedure["_def"] & { meta?: Meta; output?: unknown };

/** Every procedure with a REST route, by its dotted path. */
export function restProcedures(): Array<{ path: string; def: Definition }> {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
    .map(([path, procedure]) => ({ path, def: procedure._def as Definition }))
    .filter(({ def }) => def.meta?.openapi);
}

let attached = false;
/** Gives the generator each REST procedure's answer schema (see `restAnswers`); a missing one is a bug. */
function attachAnswers() {
  if (attached) return;
  for (const { path, def } of restProcedures()) {
    const answer = restAnswers[path];
    if (!answer) throw new Error(`The REST procedure ${path} has no answer schema in openapi/outputs.ts.`);
    def.output ??= answer;
  }
  attached = true;
}

const documents = new Map<string, OpenAPIObject>();

/** The OpenAPI 3 document of the REST routes, served at `/api/openapi.json` with the app's own origin. */
export function openApiDocument(origin: string): OpenAPIObject {
  const cached = documents.get(origin);
  if (cached) return cached;
  attachAnswers();
  const document = generateOpenApiDocument(appRouter, {
    title: "Omni commerce API",
    version: "1.0.0",
    description:
      "The REST face of Omni's procedures: the same authorisation, inputs and errors as `/api/trpc`, in plain JSON. " +
      "Server-to-server clients send `Authorization: Bearer <API key>` (keys are made in the admin under " +
      "Integrations, each with scopes); shoppers may call the public routes without one. Errors answer " +
      "`{ code, message, issues? }` with the HTTP status of the tRPC code (400, 401, 403, 404, 409, 429).",
    baseUrl: `${origin}/api/v1`,
    securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: omni_sk_…" } },
  });
  documents.set(origin, document);
  return document;
}
