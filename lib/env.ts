import "server-only";
import { z } from "zod";

// process.env is read here once, validated, and nowhere else (config secrets are read by lib/config by name).
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/kitgate.db"),
  KITGATE_CONFIG: z.string().min(1).default("./kitgate.yaml"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // sign-in (lib/auth): the secret signs session JWTs; there is no default (lib/auth/resolve-auth-secret.ts)
  NEXTAUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** `1` marks a throwaway demo install: without NEXTAUTH_SECRET a random one is generated into data/session-secret */
  KITGATE_DEMO: z.enum(["0", "1"]).default("0"),
  /**
   * `1` (integration and e2e servers only): every /api/v1 response is checked against its documented schema and a
   * mismatch becomes a loud 500 (lib/http/define-route.ts). Never set in production: it costs a parse per response.
   */
  KITGATE_VALIDATE_RESPONSES: z.enum(["0", "1"]).default("0"),
  /** a Prometheus scraper sends `Authorization: Bearer <this>` to GET /metrics; unset: /metrics is 404 on the web port */
  KITGATE_METRICS_TOKEN: z.string().min(24, "at least 24 characters").optional(),
  /** serve /metrics, without a token, on this port of its own (keep it off the Service/Ingress) */
  KITGATE_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** with the flag above: append one JSON line per checked response here, so a test can count and assert them */
  KITGATE_VALIDATE_RESPONSES_LOG: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();
