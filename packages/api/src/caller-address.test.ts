import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, describe, expect, it } from "vitest";

import { clientAddress } from "@omni/auth/client-address";
import { createTestDatabase } from "@omni/db/testing";
import { stampPeer } from "@omni/next-config/peer";

import { createTrpcRouteHandler } from "./next";

const t = await createTestDatabase();

/**
 * The apps' own HTTP path: a real socket, the server's stamp of the socket address (serve.mjs), and
 * the `/api/trpc` route handler the apps mount. Only the transport of Next.js itself is left out.
 */
const handler = createTrpcRouteHandler({ app: "web", getUserId: async () => null }, { db: () => t.db });
async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  stampPeer(req);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const answer = await handler(
    new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
    }),
  );
  res.writeHead(answer.status, { "content-type": "application/json" });
  res.end(Buffer.from(await answer.arrayBuffer()));
}
const server = http.createServer((req, res) => void serve(req, res));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

afterAll(async () => {
  server.close();
  await t.close();
});

async function lookUp(forwardedFor: string, orderNumber: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { orderNumber, email: "guess@example.org" } }));
  const res = await fetch(`${base}/api/trpc/orders.get?input=${input}`, {
    headers: { "x-forwarded-for": forwardedFor, "x-omni-peer": "6.6.6.6", "x-real-ip": forwardedFor },
  });
  return {
    status: res.status,
    code: ((await res.json()) as { error?: { json?: { data?: { code?: string } } } }).error?.json?.data?.code,
  };
}

describe("the caller's address", () => {
  it("is the socket's: eleven wrong codes from one client are TOO_MANY_REQUESTS however X-Forwarded-For varies", async () => {
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push(await lookUp(`198.51.100.${i}, 10.0.0.${i}`, "100001"));
    expect(answers.slice(0, 10).map((a) => a.code)).toEqual(Array(10).fill("NOT_FOUND"));
    expect(answers[10]).toEqual({ status: 429, code: "TOO_MANY_REQUESTS" });
  });

  it("is what the configured number of trusted proxies report, read from the right", () => {
    const via = (forwarded: string, peer = "10.0.0.1") =>
      new Headers({ "x-forwarded-for": forwarded, "x-omni-peer": peer });
    // No proxy: the socket, whatever the client wrote.
    expect(clientAddress(via("1.1.1.1, 2.2.2.2"), 0)).toBe("10.0.0.1");
    // One proxy (the socket): the entry it appended, not the ones the client prepended.
    expect(clientAddress(via("1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(via("203.0.113.9, 198.51.100.4"), 2)).toBe("203.0.113.9");
    // More proxies configured than entries: the leftmost there is, never a crash.
    expect(clientAddress(via(""), 3)).toBe("10.0.0.1");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });
});
