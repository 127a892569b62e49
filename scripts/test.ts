import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "./database";

/**
 * `pnpm test`: every test. Domain, API and UI tests with vitest on a throwaway embedded PostgreSQL,
 * then the journeys through production builds of the three apps with Playwright.
 * `pnpm test -- --unit` or `--e2e` runs one half.
 */
const only = process.argv.includes("--unit") ? "unit" : process.argv.includes("--e2e") ? "e2e" : "all";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "omni-reports-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
/** The parts of vitest's and Playwright's JSON reports that the summary reads. */
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  success: boolean;
};
type PlaywrightReport = { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } };
let passed = 0;
let failed = 0;
let ok = true;

if (only !== "e2e") {
  // Lint (ESLint with the import boundaries, the copy-paste detector) and format first: cheap, and a
  // failure here fails the run like a type error does.
  for (const script of ["lint", "format:check"]) {
    const check = spawnSync("pnpm", ["run", "--silent", script], { cwd: repoRoot, env, stdio: "inherit" });
    if (check.status !== 0) {
      console.error(`pnpm ${script} failed.`);
      ok = false;
    }
  }
  // vitest does not type-check; the apps are type-checked by `next build` in the e2e half.
  for (const project of [
    "packages/core",
    "packages/db",
    "packages/domain",
    "packages/api",
    "packages/auth",
    "packages/ui",
    "packages/logger",
    "e2e",
    ".",
  ]) {
    const typecheck = spawnSync("pnpm", ["exec", "tsc", "-p", project, "--noEmit"], {
      cwd: repoRoot,
      env,
      stdio: "inherit",
    });
    if (typecheck.status !== 0) {
      console.error(`Type errors in ${project}.`);
      ok = false;
    }
  }
  const out = path.join(reports, "vitest.json");
  const result = spawnSync(
    "pnpm",
    ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    {
      cwd: repoRoot,
      env,
      stdio: "inherit",
    },
  );
  ok &&= result.status === 0;
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as VitestReport;
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests +
      (report.numTotalTestSuites && report.success === false && report.numFailedTests === 0 ? 1 : 0);
    if (report.numPendingTests || report.numTodoTests) {
      console.error(
        `vitest: ${report.numPendingTests + report.numTodoTests} skipped or todo tests: a skipped test is a defect.`,
      );
      ok = false;
    }
  } else ok = false;
}

if (only !== "unit") {
  const out = path.join(reports, "playwright.json");
  const result = spawnSync("pnpm", ["exec", "tsx", "scripts/e2e.ts"], {
    cwd: repoRoot,
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    stdio: "inherit",
  });
  ok &&= result.status === 0;
  if (fs.existsSync(out)) {
    const stats = (JSON.parse(fs.readFileSync(out, "utf8")) as PlaywrightReport).stats ?? {};
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    if (stats.skipped) {
      console.error(`playwright: ${stats.skipped} skipped tests: a skipped test is a defect.`);
      ok = false;
    }
  } else ok = false;
}

if (!ok && failed === 0) failed = 1; // a crash that no runner counted is still a failure
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
