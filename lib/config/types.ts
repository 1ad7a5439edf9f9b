// The validated, resolved configuration: secrets already read from the env vars the file names,
// relative paths already absolute. Holds secrets, so it never leaves the server (no DTO carries it).

export type RemoteAuth =
  | { type: "anonymous" }
  | { type: "basic"; username: string; password: string }
  | { type: "bearer"; username?: string; password?: string }
  | { type: "token"; token: string };

export interface RemoteRegistryConfig {
  kind: "remote";
  name: string;
  url: string;
  auth: RemoteAuth;
  /** for registries without `_catalog` (GHCR, Docker Hub) */
  repositories?: string[];
  /** hosts besides the registry's own allowed to serve its token realm (lower-case `host` or `host:port`) */
  realmHosts?: string[];
}

export interface LayoutRegistryConfig {
  kind: "oci-layout";
  name: string;
  /** absolute directory holding one OCI image layout per repository */
  layout: string;
}

export type RegistryConfig = RemoteRegistryConfig | LayoutRegistryConfig;

export interface CacheConfig {
  /** absolute directory of the content-addressed cache */
  dir: string;
  maxBytes: number;
}

export interface TrustKeyConfig {
  name: string;
  /** absolute path */
  publicKeyFile: string;
  [key: string]: unknown;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** read from the env var named by `clientSecretEnv` */
  clientSecret?: string;
  name: string;
  scopes: string[];
  groupsClaim: string;
  groupFilter?: string;
  adminGroup?: string;
}

export interface LocalUserConfig {
  username: string;
  passwordHash: string;
  name?: string;
  groups: string[];
  disabled: boolean;
}

export interface AuthConfig {
  oidc?: OidcConfig;
  localUsers: LocalUserConfig[];
  databaseUsers: boolean;
  sessionMaxAgeMinutes: number;
  rejectedTokensPerMinute?: number;
}

export type AccessRuleConfig = {
  group?: string;
  user?: string;
  anonymous?: true;
  role: "viewer" | "contributor" | "reviewer" | "approver" | "admin";
  scope: string;
};

export interface EnvironmentConfig {
  name: string;
  after?: string;
  description?: string;
  // approval workflow (defaults filled by the schema; optional here so older callers and fixtures still type-check)
  approvals?: number;
  approverGroups?: string[];
  distinctApprover?: boolean;
  waitMinutes?: number;
  promotion?: { tag: string; repository?: string };
  onRevoke?: "previous" | "remove";
}

export interface KitgateConfig {
  /** absolute path of the file this was loaded from */
  path: string;
  registries: RegistryConfig[];
  cache: CacheConfig;
  /** request budget (API request or page) and per-registry-call deadline, in milliseconds */
  timeouts: { requestMs: number; upstreamMs: number };
  /** layers up to `wholeLayerMaxBytes` are read whole and verified before they are parsed */
  reads: { wholeLayerMaxBytes: number };
  // Sections below are validated loosely for now; later features tighten their schemas.
  trust?: {
    keys?: TrustKeyConfig[];
    signingKey?: { name: string; privateKeyFile: string };
    /** absolute path of an offline sigstore trusted_root.json */
    sigstoreTrustedRoot?: string;
    [key: string]: unknown;
  };
  auth?: AuthConfig;
  access?: AccessRuleConfig[];
  /** absolute directory of the policy YAML files */
  policies?: string;
  /** deployment environments in promotion order (`after`: the one whose gate must pass first) */
  environments?: EnvironmentConfig[];
  /** outgoing workflow notifications (lib/webhooks) */
  webhooks?: WebhookConfig[];
  /** audit chain checkpoints (lib/audit/checkpoint); defaults apply when absent */
  audit?: AuditConfig;
  /** proxies whose X-Forwarded-For is believed (lib/auth/client-address.ts) */
  trustedProxies?: string[];
}

export interface AuditConfig {
  checkpoints: {
    /** absolute path of the append-only checkpoint file */
    file?: string;
    /** `<registry>/<repository>` the checkpoints are pushed to */
    repository?: string;
    everyRows: number;
    everySeconds: number;
    /** absolute paths of earlier signing keys' public keys */
    trustedKeys?: string[];
  };
  fullVerificationEveryMinutes: number;
}

export interface WebhookConfig {
  url: string;
  /** read from the env var named by `secretEnv` */
  secret: string;
  events: ("request" | "decision" | "promotion" | "revocation" | "drift")[];
}
