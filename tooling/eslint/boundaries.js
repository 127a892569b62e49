/**
 * The import boundaries of the house and the one way to read settings.
 *
 * ESLint replaces (does not merge) the options of a rule configured twice for the same file, so every
 * scope below lists all the restrictions that apply to it in one `no-restricted-imports` entry.
 */

const throughApi = "Apps never touch the database or the domain: call a procedure of @omni/api instead.";
const noFramework = "The domain is plain TypeScript: no React, Next or tRPC (those live in apps and packages/api).";
const contextIndex = "Import a bounded context only through its index: `@omni/domain/<context>`.";

const appPatterns = [
  { group: ["@omni/db", "@omni/db/*"], message: throughApi },
  { group: ["drizzle-orm", "drizzle-orm/*"], message: throughApi },
  { group: ["@omni/domain", "@omni/domain/*"], message: throughApi },
];
const domainPatterns = [
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: noFramework },
  { group: ["next", "next/*", "next-auth", "next-auth/*"], message: noFramework },
  { group: ["@trpc/*"], message: noFramework },
];
const deepDomainPatterns = [{ group: ["@omni/domain/*/**"], message: contextIndex }];

const restrict = (patterns) => ["error", { patterns }];

/** Files that may read process.env directly: each package's env.ts, and tools that are not shipped code. */
export const envReaders = ["**/env.ts", "scripts/**", "bench/**", "e2e/**", "tooling/**", "**/*.config.*"];

export const boundariesConfig = [
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    rules: { "no-restricted-imports": restrict(deepDomainPatterns) },
  },
  {
    files: ["apps/**/*.{js,mjs,cjs,ts,tsx}"],
    rules: { "no-restricted-imports": restrict([...appPatterns, ...deepDomainPatterns]) },
  },
  {
    files: ["packages/domain/**/*.{js,mjs,cjs,ts,tsx}"],
    rules: { "no-restricted-imports": restrict(domainPatterns) },
  },
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    ignores: envReaders,
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings from the package's validated env.ts." },
      ],
    },
  },
];
