/**
 * `testing-server.ts <database url> <port> [web|kiosk|admin]`: the shared router served over plain node HTTP, an
 * app process for the fault and read-cache tests (a Next build would take minutes; the database layer and the
 * per-process read cache under test are the same).
 */
import http from "node:http";

import { createDb } from "@omni/db";

import { type AppName } from "./context";
import { createTrpcRouteHandler } from "./next";

const [url, portArg, appArg = "web"] = process.argv.slice(2);
const port = Number(portArg);
const apps: AppName[] = ["web", "kiosk", "admin"];
const app = apps.find((name) => name === appArg);
if (!url || !port || !app) throw new Error("usage: testing-server.ts <database url> <port> [web|kiosk|admin]");
const { db } = createDb(url, { max: 4 });
// The apps' own route handler, signed in as nobody. Each simulated shopper sends its own address in
// `x-test-address` (this server stands for the socket address a real app reads), so that per-address limits
// treat them as different people.
const handle = createTrpcRouteHandler(
  { app, getUserId: async () => null },
  { db: () => db, addressOf: (request) => request.headers.get("x-test-address") ?? "127.0.0.1" },
);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    handle(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
});
server.listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
