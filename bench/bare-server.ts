import http from "node:http";

import { createDb } from "@omni/db";
import { getProduct, searchCatalog } from "@omni/domain/catalog";

/**
 * The bare server of `pnpm bench:bare`: node:http and postgres.js with nothing between them, answering the product
 * list (`catalog.search`, first page of 20) and one product (`catalog.product`) through the same domain functions as
 * the shop's API, so the same SQL on the same pool size. No Next, no tRPC, no zod, no cache, no session: what is
 * left of a request when the framework is taken away. Started by bench/bare.ts as its own process:
 * DATABASE_URL, PORT, DATABASE_POOL_SIZE (default 10, as the shop's).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const { db } = createDb(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const server = http.createServer((request, response) => {
  const address = new URL(request.url ?? "/", "http://bare");
  const answer =
    address.pathname === "/list"
      ? searchCatalog(db, { limit: 20 })
      : address.pathname === "/product"
        ? getProduct(db, address.searchParams.get("slug") ?? "")
        : null;
  if (!answer) {
    response.writeHead(404).end();
    return;
  }
  answer.then(
    (body) => {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    },
    (error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    },
  );
});
server.listen(Number(process.env.PORT ?? 3961), "127.0.0.1");
