import { createDb } from "./client";
import { runMigrations } from "./migrate";
import { isSeeded, seedDemo } from "./seed";

/**
 * Readies a database for the apps: migrations always; the demo seed (its accounts and the
 * `dev-kiosk-<store>` tokens) only when `demo` is asked for. A real deployment starts empty and gets
 * its first admin from `pnpm admin:create`, so nothing a stranger could guess is ever in it.
 */
export async function prepareDeployment(url: string, options: { demo: boolean }): Promise<{ seeded: boolean }> {
  await runMigrations(url);
  if (!options.demo) return { seeded: false };
  const handle = createDb(url, { max: 2 });
  try {
    if (await isSeeded(handle.db)) return { seeded: false };
    console.log("Loading the demo seed…");
    await seedDemo(handle.db);
    return { seeded: true };
  } finally {
    await handle.close();
  }
}

/**
 * Whether the operator asked for the demo seed on a database of their own: `--demo` on the command
 * line or `OMNI_DEMO_SEED=1`. The embedded database is always the demo.
 */
export function demoRequested(argv: string[], flag: string | undefined): boolean {
  return argv.includes("--demo") || flag === "1" || flag === "true";
}
