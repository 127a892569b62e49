import { within } from "@omni/eslint-config";
import { baseConfig } from "@omni/eslint-config/base";
import { boundariesConfig } from "@omni/eslint-config/boundaries";
import { nextjsConfig } from "@omni/eslint-config/nextjs";
import { reactConfig } from "@omni/eslint-config/react";

/**
 * One lint run for the whole repository (`pnpm lint`): cheaper on a small machine than one ESLint process
 * per package, and the cache (node_modules/.cache/eslint) keeps reruns short.
 */
export default [
  ...baseConfig,
  ...within(["apps/*", "packages/ui"], reactConfig),
  ...within(["apps/*"], nextjsConfig),
  ...boundariesConfig,
];
