import nextPlugin from "@next/eslint-plugin-next";

/** Next.js rules (recommended + Core Web Vitals) for the three apps. */
export const nextjsConfig = [
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    // Lint runs from the repository root; no-html-link-for-pages looks for each app's pages here.
    settings: { next: { rootDir: "apps/*/" } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
];
