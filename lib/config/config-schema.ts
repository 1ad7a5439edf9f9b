import { z } from "zod";

// Schema of kitgate.yaml as written by a person (env var *names*, relative paths). load-config.ts turns a
// parsed value into the resolved `KitgateConfig`. Pure module: no I/O, no env reads.

/** Names appear in references (`local/demo/x:1.0`) and URLs, so they follow the hostname-ish grammar. */
const registryName = z
  .string()
  .max(63, "at most 63 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "must match [a-z0-9][a-z0-9._-]*");

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name");

// distribution spec repository grammar (same as lib/oci/reference/assert-repository-name.ts)
const repositoryName = z
  .string()
  .max(255)
  .regex(/^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/, "invalid repository name");

const authSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("anonymous") }),
  z.strictObject({ type: z.literal("basic"), usernameEnv: envName, passwordEnv: envName }),
  z.strictObject({ type: z.literal("bearer"), usernameEnv: envName.optional(), passwordEnv: envName.optional() }),
  z.strictObject({ type: z.literal("token"), tokenEnv: envName }),
]);

const UNITS: Record<string, number> = {
  "": 1, b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4,
};

/** `maxBytes: 2GiB` reads better than 2147483648 in a hand-edited file. */
const byteSize = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?\s*$/i, "must be a byte count like 2147483648 or 2GiB")
    .transform((s) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(s)!;
      return Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
    }),
]);

/** One object with both shapes' keys so errors carry a precise path (a zod union only says "invalid input"). */
const registrySchema = z
  .strictObject({
    name: registryName,
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    auth: authSchema.optional(),
    repositories: z.array(repositoryName).optional(),
    layout: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.url === undefined && r.layout === undefined) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "required (or `layout` for a local OCI layout)" });
    }
    if (r.layout !== undefined) {
      for (const key of ["url", "auth", "repositories"] as const) {
        if (r[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "not allowed with `layout`" });
      }
    }
  });

export const configFileSchema = z
  .strictObject({
    registries: z.array(registrySchema).min(1, "at least one registry is required"),
    cache: z
      .strictObject({
        dir: z.string().min(1).default("./data/cache"),
        maxBytes: byteSize.default(2 * 1024 ** 3),
      })
      .default({ dir: "./data/cache", maxBytes: 2 * 1024 ** 3 }),
    trust: z
      .looseObject({
        keys: z.array(z.looseObject({ name: z.string().min(1), publicKeyFile: z.string().min(1) })).optional(),
      })
      .optional(),
    auth: z
      .looseObject({
        oidc: z
          .looseObject({
            issuer: z.url(),
            clientId: z.string().min(1),
            clientSecretEnv: envName.optional(),
            groupsClaim: z.string().optional(),
          })
          .optional(),
        localUsers: z.array(z.unknown()).optional(),
      })
      .optional(),
    access: z.array(z.looseObject({ group: z.string().min(1), role: z.string().min(1), scope: z.string().min(1) })).optional(),
    policies: z.unknown().optional(),
    environments: z.array(z.unknown()).optional(),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.registries.forEach((r, i) => {
      if (seen.has(r.name)) {
        ctx.addIssue({ code: "custom", path: ["registries", i, "name"], message: `duplicate registry name "${r.name}"` });
      }
      seen.add(r.name);
    });
  });

export type ConfigFile = z.infer<typeof configFileSchema>;
