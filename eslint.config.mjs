// The two rules the house holds as errors everywhere (CONVENTIONS.md): no `any`, no non-null `!`.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "data/**",
      "vendor/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "**/*.mjs",
      "**/*.js",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    // Pages, actions and routes call lib/ verbs and views; the adapters those wire stay behind them.
    // The cluster's surface for app/ is its read views (lib/k8s/read) and requestReconcile.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/db(/|$)",
              message: "app/ imports no database adapter: call a lib/ verb or view.",
            },
            {
              regex: "^@/lib/gitops(/|$)",
              message: "app/ imports no Git adapter: call a lib/ verb or view.",
            },
            {
              regex: "^(@/lib/generated|@prisma)(/|$)",
              message: "app/ imports no Prisma: call a lib/ verb or view.",
            },
            {
              regex: "^@/lib/k8s/(?!read/|request-reconcile$)",
              message:
                "app/ imports no cluster internals: use lib/k8s/read, requestReconcile or lib/live-views.",
            },
          ],
        },
      ],
    },
  },
);
