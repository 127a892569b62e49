import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { createTestDatabase } from "@omni/db/testing";
import { DomainError } from "@omni/domain/kernel";
import { createLogger } from "@omni/logger";

import { createTrpcRouteHandler } from "./next";
import { publicProcedure, router } from "./trpc";

const t = await createTestDatabase();
afterAll(() => t.close());

type LogLine = {
  level: number;
  msg: string;
  requestId?: string;
  path?: string;
  code?: string;
  err?: { message: string; stack: string };
};

/** The route handler of an app, on `procedures`, with its log lines captured from the pino destination. */
function handlerWithLog(procedures: Parameters<typeof router>[0]) {
  const lines: LogLine[] = [];
  const log = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  const handle = createTrpcRouteHandler(
    { app: "web", getUserId: async () => null },
    { router: router(procedures), db: () => t.db, log },
  );
  return { handle, lines };
}

function explodeInTheDatabaseLayer(): never {
  throw new Error("connection to the ledger was reset");
}

const get = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://shop.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
    headers,
  });

const ERROR = 50;

describe("the /api/trpc route handler", () => {
  it("logs an unexpected error with the request id it answers with, the path and the stack", async () => {
    const { handle, lines } = handlerWithLog({
      orders: router({ export: publicProcedure.query(() => explodeInTheDatabaseLayer()) }),
    });
    const response = await handle(get("orders.export", null));

    // The answer is the tRPC error shape of today: generic words, no stack, nothing of the cause.
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.json).toMatchObject({
      message: "Something went wrong on our side.",
      data: { code: "INTERNAL_SERVER_ERROR", path: "orders.export" },
    });
    expect(body.error.json.data.stack ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/ledger|explodeInTheDatabaseLayer/);

    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const errors = lines.filter((line) => line.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId, path: "orders.export" });
    expect(errors[0]!.err!.message).toBe("connection to the ledger was reset");
    expect(errors[0]!.err!.stack).toContain("explodeInTheDatabaseLayer");
  });

  it("does not log expected refusals as errors", async () => {
    const { handle, lines } = handlerWithLog({
      missing: publicProcedure.query(() => {
        throw new DomainError("NOT_FOUND", "No such order.", { reason: "order_not_found" });
      }),
      strict: publicProcedure.input(z.object({ limit: z.number().min(1) })).query(() => "ok"),
    });
    expect((await handle(get("missing", null))).status).toBe(404);
    expect((await handle(get("strict", { limit: 0 }))).status).toBe(400);
    expect(lines.filter((line) => line.level >= ERROR)).toEqual([]);
    expect(lines.map((line) => line.code)).toEqual(["NOT_FOUND", "BAD_REQUEST"]);
  });

  it("echoes a sane incoming x-request-id and replaces a malformed one", async () => {
    const { handle, lines } = handlerWithLog({
      boom: publicProcedure.query(() => explodeInTheDatabaseLayer()),
      ping: publicProcedure.query(({ ctx }) => ctx.requestId),
    });
    const sane = "lb-7f3a9c.2026:req_42";
    const echoed = await handle(get("ping", null, { "x-request-id": sane }));
    expect(echoed.headers.get("x-request-id")).toBe(sane);
    // The same id reaches the procedures through the context.
    expect((await echoed.json()).result.data.json).toBe(sane);

    const failed = await handle(get("boom", null, { "x-request-id": sane }));
    expect(failed.headers.get("x-request-id")).toBe(sane);
    expect(lines.find((line) => line.level >= ERROR)?.requestId).toBe(sane);

    for (const malformed of ["x".repeat(129), "abc def", "id\u0007bell", "<script>", "a,b", "é"]) {
      const response = await handle(get("ping", null, { "x-request-id": malformed }));
      const answered = response.headers.get("x-request-id");
      expect(answered, JSON.stringify(malformed)).not.toBe(malformed);
      expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("gives each call without an id its own", async () => {
    const { handle } = handlerWithLog({ ping: publicProcedure.query(() => "pong") });
    const [a, b] = await Promise.all([handle(get("ping", null)), handle(get("ping", null))]);
    expect(a!.headers.get("x-request-id")).not.toBe(b!.headers.get("x-request-id"));
  });
});
