import { z } from "zod";
import { reference } from "./common";

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Environment names follow the config grammar (lib/config/config-schema.ts). */
export const environmentName = z.preprocess(single, z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "not an environment name"));

/** `GET /api/v1/policy/evaluate?ref=&environment=`. */
export const policyEvaluateQuery = z.object({ ref: reference, environment: environmentName.describe("Environment name from the configuration, e.g. `production`.") });
