import { isIP } from "node:net";
import { z } from "zod";
import { scopeSyntaxError } from "@/lib/access/scope-matches";

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

/**
 * Hosts (`host` or `host:port`) besides the registry's own that may serve its token realm, e.g. `auth.docker.io`
 * for Docker Hub: a registry's `WWW-Authenticate` cannot send credentials (or Kitgate itself) anywhere else.
 */
const realmHosts = z
  .array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, "must be a host or host:port, without scheme or path"))
  .optional();

const authSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("anonymous"), realmHosts }),
  z.strictObject({ type: z.literal("basic"), usernameEnv: envName, passwordEnv: envName, realmHosts }),
  z.strictObject({ type: z.literal("bearer"), usernameEnv: envName.optional(), passwordEnv: envName.optional(), realmHosts }),
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

// ── auth / access (owned by the sign-in feature) ──────────────────────────────────────────────────────────
const ROLE_NAMES = ["viewer", "contributor", "reviewer", "approver", "admin"] as const;

/** An IPv4/IPv6 address or CIDR (`10.0.0.0/8`, `fd00::/8`). */
const cidr = z.string().refine((s) => {
  const [address, bits, extra] = s.split("/");
  const family = isIP(address ?? "");
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}, "must be an IP address or CIDR such as 10.0.0.0/8");

/** `*` or `registry/repository-path` in the grammar of lib/access/scope-matches.ts (linear-time matching). */
const scope = z.string().superRefine((s, ctx) => {
  const why = scopeSyntaxError(s);
  if (why) ctx.addIssue({ code: "custom", message: `scope ${JSON.stringify(s.slice(0, 80))}: ${why}` });
});

const regexSource = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, "must be a valid regular expression");

/** One object with all subject keys so an error names the exact key; exactly one subject per grant. */
const grantSchema = z
  .strictObject({
    group: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    anonymous: z.literal(true).optional(),
    role: z.enum(ROLE_NAMES),
    scope,
  })
  .superRefine((g, ctx) => {
    const subjects = [g.group, g.user, g.anonymous].filter((v) => v !== undefined).length;
    if (subjects !== 1) ctx.addIssue({ code: "custom", path: ["group"], message: "exactly one of `group`, `user`, `anonymous: true`" });
    if (g.anonymous && g.role !== "viewer") {
      ctx.addIssue({ code: "custom", path: ["role"], message: "anonymous access can only be `viewer`" });
    }
  });

const localUserSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "must match [a-z0-9][a-z0-9._-]{0,63}"),
  passwordHash: z.string().regex(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/, "must be a bcrypt hash ($2b$…)"),
  name: z.string().min(1).max(200).optional(),
  groups: z.array(z.string().min(1)).default([]),
  disabled: z.boolean().default(false),
});

const oidcSchema = z.strictObject({
  issuer: z.url({ protocol: /^https?$/, error: "must be an http(s) URL (the issuer, without /.well-known)" }),
  clientId: z.string().min(1),
  clientSecretEnv: envName.optional(),
  /** button label on the sign-in page */
  name: z.string().min(1).max(100).default("Company SSO"),
  scopes: z.array(z.string().regex(/^\S+$/, "no spaces")).default(["openid", "profile", "email"]),
  /** claim holding the groups: `groups` (Keycloak/Okta/GitLab), `roles`, Entra's group object ids under `groups` */
  groupsClaim: z.string().min(1).default("groups"),
  /** only groups matching this regex are kept (Entra/Okta can send hundreds) */
  groupFilter: regexSource.optional(),
  /** members of this group are admin on `*` */
  adminGroup: z.string().min(1).optional(),
});

const authConfigSchema = z
  .strictObject({
    oidc: oidcSchema.optional(),
    localUsers: z.array(localUserSchema).default([]),
    /** also accept accounts stored in the database (the demo creates its personas there) */
    databaseUsers: z.boolean().default(true),
    sessionMaxAgeMinutes: z.number().int().min(5).max(60 * 24 * 30).default(8 * 60),
    /** rejected API tokens one address may present per minute before it gets 429 (default 20; raise it for a large NAT) */
    rejectedTokensPerMinute: z.number().int().min(1).max(100_000).optional(),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.localUsers.forEach((u, i) => {
      if (seen.has(u.username)) {
        ctx.addIssue({ code: "custom", path: ["localUsers", i, "username"], message: `duplicate username "${u.username}"` });
      }
      seen.add(u.username);
    });
  });

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

// ── environments (owned by policies) ──────────────────────────────────────────────────────────────────────
/** Environment names appear in URLs, API queries and policy files. */
const environmentName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "must match [a-z0-9][a-z0-9._-]{0,62}");

const environmentSchema = z.strictObject({
  name: environmentName,
  /** the environment whose gate must pass first (nothing reaches production without passing staging) */
  after: environmentName.optional(),
  description: z.string().max(500).optional(),
  // ── approval workflow (issue 6) ──
  /** N of M: distinct approvals needed before the version may be promoted */
  approvals: z.number().int().min(1).max(20).default(1),
  /** groups whose members may approve for this environment (empty: anyone with the approver role) */
  approverGroups: z.array(z.string().min(1)).default([]),
  /** requester (and pusher, when known) may not approve their own request */
  distinctApprover: z.boolean().default(true),
  /** minutes after the request before approval takes effect (a cooling-off period) */
  waitMinutes: z.number().int().min(0).max(60 * 24 * 30).default(0),
  /**
   * How promotion is done: a tag in the same repository (`{name}` → the environment name, `{version}` → the
   * requested tag), or a copy into `repository` (`{repository}` → the source repository) under that tag.
   */
  promotion: z
    .strictObject({
      tag: z.string().regex(/^[A-Za-z0-9_{}][A-Za-z0-9._{}-]{0,127}$/, "must be a tag or a pattern like {name}").default("{name}"),
      repository: z.string().min(1).max(255).optional(),
    })
    .default({ tag: "{name}" }),
  /** on revoke, move the tag back to the previously promoted digest, or remove it */
  onRevoke: z.enum(["previous", "remove"]).default("previous"),
});

/** Names unique, `after` names a listed environment, and following `after` never loops. */
function checkEnvironmentOrder(envs: z.infer<typeof environmentSchema>[], ctx: z.core.$RefinementCtx<unknown>): void {
  const byName = new Map<string, string | undefined>();
  envs.forEach((e, i) => {
    if (byName.has(e.name)) ctx.addIssue({ code: "custom", path: ["environments", i, "name"], message: `duplicate environment "${e.name}"` });
    byName.set(e.name, e.after);
  });
  envs.forEach((e, i) => {
    if (e.after === undefined) return;
    if (!byName.has(e.after)) {
      ctx.addIssue({ code: "custom", path: ["environments", i, "after"], message: `unknown environment "${e.after}"` });
      return;
    }
    const seen = new Set([e.name]);
    for (let cur: string | undefined = e.after; cur !== undefined; cur = byName.get(cur)) {
      if (seen.has(cur)) {
        ctx.addIssue({ code: "custom", path: ["environments", i, "after"], message: `environment order loops (${[...seen, cur].join(" → ")})` });
        return;
      }
      seen.add(cur);
    }
  });
}

// ── webhooks (owned by audit) ─────────────────────────────────────────────────────────────────────────────
const webhookSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  /** HMAC key for X-Kitgate-Signature, read from this env var */
  secretEnv: envName,
  events: z.array(z.enum(["request", "decision", "promotion", "revocation", "drift"])).min(1, "at least one event"),
});

// ── audit chain checkpoints (owned by audit) ─────────────────────────────────────────────────────────────────
const auditSchema = z.strictObject({
  checkpoints: z
    .strictObject({
      /** append-only JSON-lines file outside the database (relative to this file) */
      file: z.string().min(1).optional(),
      /** `<registry>/<repository>` of a configured registry: each checkpoint is pushed there as a signed artifact */
      repository: z
        .string()
        .regex(/^[^/\s]+\/[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, "must be <registry>/<repository> (lowercase OCI repository name)")
        .optional(),
      /** a checkpoint is signed once this many rows were appended since the last one… */
      everyRows: z.number().int().min(1).max(1_000_000).default(1000),
      /** …or this many seconds after the first row appended since the last one */
      everySeconds: z.number().int().min(1).max(86_400).default(60),
      /** public keys (PEM) of earlier signing keys, so checkpoints signed before a key rotation still verify */
      trustedKeys: z.array(z.string().min(1)).optional(),
    })
    .default({ everyRows: 1000, everySeconds: 60 }),
  /** a full re-verification of every row runs in the background when the last one is older than this */
  fullVerificationEveryMinutes: z.number().int().min(1).max(100_000).default(60),
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
        keys: z
          .array(z.looseObject({ name: z.string().min(1), publicKeyFile: z.string().min(1) }))
          .refine((keys) => new Set(keys.map((k) => k.name)).size === keys.length, "trust key names must be unique (attestations name their signer by it)")
          .optional(),
        /** offline sigstore trusted_root.json: keyless bundles are verified only when it is configured */
        sigstoreTrustedRoot: z.string().min(1).optional(),
        /** Kitgate's own key: signs approval/promotion statements attached to the approved digest */
        signingKey: z.strictObject({ name: z.string().min(1), privateKeyFile: z.string().min(1) }).optional(),
      })
      .optional(),
    /** deadlines (README "Timeouts"): the whole request, and each registry call (connect, headers, small bodies) */
    timeouts: z
      .strictObject({
        requestSeconds: z.number().positive().max(600).default(20),
        upstreamSeconds: z.number().positive().max(600).default(10),
      })
      .optional(),
    /** layers up to this size are read whole and verified before anything parses them (README "Verification") */
    reads: z.strictObject({ wholeLayerMaxBytes: byteSize.default(64 * 1024 ** 2) }).optional(),
    auth: authConfigSchema.optional(),
    access: z.array(grantSchema).optional(),
    /** directory of policy YAML files (lib/policy), relative to this file */
    policies: z.string().min(1).optional(),
    environments: z.array(environmentSchema).optional(),
    webhooks: z.array(webhookSchema).optional(),
    audit: auditSchema.optional(),
    /** reverse proxies / load balancers (IP or CIDR) whose X-Forwarded-For is believed; read at start-up */
    trustedProxies: z.array(cidr).max(100).optional(),
  })
  .superRefine((c, ctx) => {
    checkEnvironmentOrder(c.environments ?? [], ctx);
    const seen = new Set<string>();
    c.registries.forEach((r, i) => {
      if (seen.has(r.name)) {
        ctx.addIssue({ code: "custom", path: ["registries", i, "name"], message: `duplicate registry name "${r.name}"` });
      }
      seen.add(r.name);
    });
  });

export type ConfigFile = z.infer<typeof configFileSchema>;
