import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { appRouter } from "./root";
import { httpHandler } from "./testing";

/**
 * Sends generated malformed inputs to every procedure of the router, over the HTTP transport of the
 * contract, as an anonymous caller and as a kiosk: none may answer with a 5xx, and none may change
 * the database (rate-limit counters and device last-seen times excepted: recording failed attempts
 * is their purpose).
 */
const t = await createTestDatabase();
afterAll(() => t.close());

type StandardSchema = {
  "~standard": { validate: (value: unknown) => { issues?: unknown } | Promise<{ issues?: unknown }> };
};
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: StandardSchema[] } }>,
).map(([path, p]) => ({ path, type: p._def.type as "query" | "mutation", inputs: p._def.inputs }));

/** An input every parser of the procedure accepts is well-formed, so it may legitimately change data. */
async function isWellFormed(inputs: StandardSchema[], raw: unknown): Promise<boolean> {
  for (const schema of inputs) {
    const result = await schema["~standard"].validate(raw);
    if (result.issues) return false;
  }
  return true;
}

const IGNORED_TABLES = new Set(["rate_limits", "kiosk_devices"]);

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await t.sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    if (IGNORED_TABLES.has(table_name)) continue;
    const [row] = await t.sql.unsafe(
      `select count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as f from "${table_name}" x`,
    );
    out[table_name] = row!.f as string;
  }
  return out;
}

/** Like encodeURIComponent, but also for lone surrogates, which a hostile client can send too. */
const percentEncode = (text: string) =>
  [...Buffer.from(text, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "'; drop table orders; --",
    "%",
    "_",
    "\\",
    "null",
    "NaN",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "😀".repeat(50),
    "a".repeat(10_000),
  ),
  fc.uuid(),
);
const weirdNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5),
);
const leaf = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false }));
const field = fc.constantFrom(
  "sku",
  "storeId",
  "email",
  "code",
  "cartId",
  "quantity",
  "orderNumber",
  "returnNumber",
  "lines",
  "limit",
  "cursor",
  "query",
  "slug",
  "fulfillment",
  "payment",
  "idempotencyKey",
  "reason",
  "onHand",
  "to",
  "method",
  "refundTo",
  "skus",
  "declineLineIds",
  "name",
  "userId",
  "productId",
  "deviceId",
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(field, tie("node"), { maxKeys: 5 }),
  ),
})).node;
const input = fc.oneof(value, fc.dictionary(field, value, { minKeys: 1, maxKeys: 8 }));

describe("malformed input", () => {
  it("never answers 5xx and never changes the database", async () => {
    const before = await fingerprint();
    const handle = httpHandler(t.db, "kiosk");
    const perProcedure = Math.ceil(11_000 / procedures.length);
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const procedure of procedures) {
      await fc.assert(
        fc.asyncProperty(input, fc.boolean(), fc.boolean(), async (raw, asKiosk, rawBody) => {
          if (!rawBody && (await isWellFormed(procedure.inputs, raw))) return;
          const json = JSON.stringify({ json: raw === undefined ? null : raw });
          // Half of the bodies are also broken JSON: cut in the middle.
          const body = rawBody ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : json;
          const url = `http://local/api/trpc/${procedure.path}`;
          const request =
            procedure.type === "query"
              ? new Request(`${url}?input=${percentEncode(body)}`)
              : new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } });
          const response = await handle(request, asKiosk ? { deviceToken: "dev-kiosk-krakow" } : {});
          sent++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500)
            throw new Error(
              `${procedure.path} answered ${response.status} to ${body.slice(0, 300)}: ${(await response.text()).slice(0, 300)}`,
            );
        }),
        { numRuns: perProcedure, seed: 20261201 },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    const audit = await t.sql`select action, actor_role, entity_type from audit_log`;
    expect(audit, "audit entries written by malformed calls").toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 600_000);
});
