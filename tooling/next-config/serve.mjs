// `next start` with one addition: every request carries the socket's address (see peer.mjs), from
// which the apps rate-limit anonymous callers. Usage, from an app's folder:
//   node ../../tooling/next-config/serve.mjs --port 3000 [--hostname 127.0.0.1]
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

import { stampPeer } from "./peer.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option("port") ?? process.env.PORT ?? 3000);
const hostname = option("hostname") ?? process.env.HOSTNAME;
const dir = process.cwd();
process.env.NODE_ENV = "production";

// `next` is the app's dependency, not this package's: resolve it from the app's folder.
const next = createRequire(path.join(dir, "package.json"))("next");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  stampPeer(req);
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"])
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
