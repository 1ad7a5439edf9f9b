import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer rules (docs/architecture.md). One rule name carries them all, so every block below lists the complete set
// for its files: ESLint does not merge the options of one rule across blocks, the last matching block wins.
const RESTRICTED = "@typescript-eslint/no-restricted-imports";
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

/** app/ reaches data through lib/data only; it may also use the HTTP glue, the API contract, input schemas and pure formatting. */
const APP_VALUES = {
  regex: "^@/lib/(?!(data|format|validations|api|http)/|query-keys$)",
  allowTypeImports: true,
  message: "app/ takes values only from lib/data (the one door), lib/format, lib/validations, lib/api, lib/http; types may come from anywhere.",
};
/** components/ render what they are given: no data access, only pure formatting and the typed API client. */
const COMPONENT_VALUES = {
  regex: "^@/lib/(?!(format|api)/|query-keys$)",
  allowTypeImports: true,
  message: "components/ are presentational: values only from lib/format, lib/api and lib/query-keys (types from anywhere). Fetch in a section under the route (app/**/_sections) through lib/data.",
};
const DATA_INTERNAL = { regex: "^@/lib/data/internal(/|$)", message: "lib/data/internal/ is for lib/data only; call an actor-taking function of lib/data." };
const PRISMA = { regex: "^(@prisma/client|@/lib/generated(/|$)|@/lib/db$)", message: "The database is reached through lib/data." };
/** Below the door nothing calls back into it (lib/http wraps it for routes; the promotion runner gates through it). */
const NO_DATA = { regex: "^@/lib/data(/|$)", message: "Lower layers never import lib/data; move the shared piece down (Actor is in lib/access/actor)." };
/** Pure cores: no I/O, so they are testable without a server and safe in the browser. */
const NO_IO = {
  regex: "^@/lib/(http|api|db|env|config|registry|cache|generated|auth|tokens|audit|webhooks|startup)(/|$)",
  message: "Pure layers (access, diff, format, modelkit, policy, snippets, tensors, validations) never import data, http, api, config or the database.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "data/**", ".cache/**", ".tmp/**",
    "test-results/**", "playwright-report/**", "e2e-results/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { [RESTRICTED]: ["error", { patterns: [APP_VALUES, DATA_INTERNAL, PRISMA] }] } },
  // next-auth's handler is the sign-in mechanism itself, not a page reading data.
  { files: ["app/api/auth/**/*.ts"], rules: { [RESTRICTED]: ["error", { patterns: [{ ...APP_VALUES, regex: "^@/lib/(?!(data|format|validations|api|http|auth)/|query-keys$)" }, DATA_INTERNAL, PRISMA] }] } },
  { files: ["components/**/*.{ts,tsx}"], ignores: TESTS, rules: { [RESTRICTED]: ["error", { patterns: [COMPONENT_VALUES, PRISMA] }] } },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: [...TESTS, "lib/data/**", "lib/http/**", "lib/approvals/run-promotion.ts"],
    rules: { [RESTRICTED]: ["error", { patterns: [NO_DATA] }] },
  },
  {
    files: ["lib/{access,diff,format,modelkit,policy,snippets,tensors,validations}/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { [RESTRICTED]: ["error", { patterns: [NO_DATA, NO_IO, PRISMA] }] },
  },
]);
