import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.{ts,tsx}",
      "apps/*/src/**/*.test.{ts,tsx}",
      "tooling/*/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    globalSetup: ["tooling/test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
  // Vite 8 transforms with oxc (an `esbuild` option is ignored); the apps' tsconfig says `jsx: preserve` for Next.
  oxc: { jsx: { runtime: "automatic" } },
});
