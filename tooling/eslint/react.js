import reactPlugin from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** React rules for the apps and packages/ui (the new JSX runtime: no `import React`). */
export const reactConfig = [
  {
    ...reactPlugin.configs.flat.recommended,
    ...reactPlugin.configs.flat["jsx-runtime"],
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ...reactPlugin.configs.flat.recommended.languageOptions,
      ...reactPlugin.configs.flat["jsx-runtime"].languageOptions,
      globals: { ...globals.browser },
    },
    rules: {
      ...reactPlugin.configs.flat.recommended.rules,
      ...reactPlugin.configs.flat["jsx-runtime"].rules,
      // Props are typed with TypeScript; runtime prop-types would only repeat them.
      "react/prop-types": "off",
    },
    // Pinned rather than "detect": lint runs from the root, where react is not installed.
    settings: { react: { version: "19.2" } },
  },
  {
    ...reactHooks.configs.flat["recommended-latest"],
    files: ["**/*.{ts,tsx}"],
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      // Off: these three React Compiler checks refuse patterns the apps use on purpose (state read from
      // localStorage or the server after hydration in an effect, the clock for "overdue" labels, a ref holding
      // the latest callback). Their fix is the compiler's rewrite of those components, a behaviour change of
      // its own; the hook rules and exhaustive-deps stay errors.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/purity": "off",
      "react-hooks/refs": "off",
      "react-hooks/exhaustive-deps": "error",
    },
  },
];
