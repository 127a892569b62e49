import { createInterface } from "node:readline/promises";

import { createDb } from "@omni/db";
import { createAdmin } from "@omni/domain/staff";

import { prepareDatabase } from "./database";

/**
 * `pnpm admin:create --email you@example.com [--name "Your Name"]`: the first admin of a real
 * deployment. The password comes from OMNI_ADMIN_PASSWORD, from stdin when it is piped, or from a
 * prompt; never from the command line, where `ps` and shell history would keep it.
 */
function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.OMNI_ADMIN_PASSWORD) return process.env.OMNI_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.split("\n")[0]!.trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput, which we silence after the prompt.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const ask = async (prompt: string) => {
    process.stdout.write(prompt);
    output._writeToOutput = () => {};
    const answer = await rl.question("");
    process.stdout.write("\n");
    return answer;
  };
  const first = await ask("Password (12+ characters): ");
  const again = await ask("Again: ");
  rl.close();
  if (first !== again) throw new Error("The two passwords differ.");
  return first;
}

const email = arg("email");
if (!email) {
  console.error('Usage: pnpm admin:create --email you@example.com [--name "Your Name"]');
  process.exit(2);
}
const password = await readPassword();
const { url } = await prepareDatabase({ demo: false });
const handle = createDb(url, { max: 2 });
try {
  const admin = await createAdmin(handle.db, { email, name: arg("name"), password });
  console.log(`Admin ${admin.email} created. Sign in at the admin app.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
process.exit();
