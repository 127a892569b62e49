import { createRequire } from "node:module";

// Resolved from here, so that every package formats with this config without installing the plugin itself.
const require = createRequire(import.meta.url);

/** One format for the whole house: 120 columns, imports sorted (node built-ins, packages, ours, relative). */
export default {
  printWidth: 120,
  plugins: [require.resolve("@ianvs/prettier-plugin-sort-imports")],
  importOrder: ["<BUILTIN_MODULES>", "", "<THIRD_PARTY_MODULES>", "", "^@omni/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.9.3",
};
