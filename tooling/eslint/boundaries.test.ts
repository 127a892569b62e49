import path from "node:path";

import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");

// The repository's own config, without type information: the boundaries need none, and building the
// TypeScript programs of the apps would make this test take minutes on a small machine.
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: path.join(repoRoot, "eslint.config.mjs"),
  overrideConfig: [{ files: ["**/*.{ts,tsx}"], ...tseslint.configs.disableTypeChecked }],
});

async function errors(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const dbImport = `import { createDb } from "@omni/db";\nexport const open = createDb;\n`;
const nextImport = `import { redirect } from "next/navigation";\nexport const go = redirect;\n`;
const envRead = `export const pool = process.env.X;\n`;
const deepImport = `import { transition } from "@omni/domain/orders/order-state-machine";\nexport const t = transition;\n`;
const indexImport = `import * as orders from "@omni/domain/orders";\nexport const o = orders;\n`;

describe("import boundaries", () => {
  it("refuses the database in an app, and allows it in the API", async () => {
    expect(await errors(dbImport, "apps/web/src/lib/probe.ts")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*@omni\/db.*Apps never touch the database/),
    ]);
    expect(await errors(dbImport, "packages/api/src/probe.ts")).toEqual([]);
  });

  it("refuses Next in the domain, and allows it in an app", async () => {
    expect(await errors(nextImport, "packages/domain/src/orders/probe.ts")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*next\/navigation.*plain TypeScript/),
    ]);
    expect(await errors(nextImport, "apps/web/src/lib/probe.ts")).toEqual([]);
  });

  it("refuses a read of process.env outside a package's env.ts", async () => {
    expect(await errors(envRead, "packages/db/src/probe.ts")).toEqual([
      expect.stringMatching(/^no-restricted-properties: .*process\.env.*env\.ts/),
    ]);
    expect(await errors(envRead, "packages/db/src/env.ts")).toEqual([]);
    expect(await errors(envRead, "scripts/probe.ts")).toEqual([]);
  });

  it("refuses a deep import into a bounded context outside the domain", async () => {
    expect(await errors(deepImport, "packages/api/src/probe.ts")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*through its index/),
    ]);
    expect(await errors(indexImport, "packages/api/src/probe.ts")).toEqual([]);
  });
});
